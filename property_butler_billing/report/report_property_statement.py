from base64 import b64encode
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# Arrears by age: (key, first day overdue, last day overdue or None).
ARREARS_BUCKETS = (
    ("days_0_30", 0, 30),
    ("days_31_60", 31, 60),
    ("days_61_90", 61, 90),
    ("days_over_90", 91, None),
)


class ReportPropertyStatement(models.AbstractModel):
    """The monthly statement (對帳單) of a billing contact.

    The figures are computed per commercial partner and month with two grouped queries on the
    journal items (the record rules of the user apply: a resident's portal download renders it
    through sudo, but only for his own commercial partner, checked by the controller):

    * the receivable account: opening balance (before the month), payments received in the
      month, closing balance (end of the month) and arrears by age (open residual amounts of
      posted invoices, by days overdue at the end of the month);
    * the month's fee invoice lines, by unit and fee (drafts shown as not confirmed yet);
    * how to pay: the company's bank accounts (and, with the auto-debit addon, the contact's
      mandate).
    """

    _name = "report.property_butler_billing.property_statement_document"
    _inherit = ["property.report.mixin"]
    _description = "Property Statement Report"

    # ------------------------------------------------------------------
    # Period
    # ------------------------------------------------------------------
    @api.model
    def _statement_period(self, data=None):
        """First day of the month of the statement: ``data['period']`` (any day of the
        month, 'YYYY-MM-DD' or 'YYYY-MM'), the context's ``property_period``, or by default the
        month to come from the company's billing day (statements go out on the 28th–31st for
        the next month), else this month."""
        value = (data or {}).get("period") or self.env.context.get("property_period")
        if value:
            if isinstance(value, str) and len(value) == 7:
                value += "-01"
            return fields.Date.to_date(value).replace(day=1)
        today = fields.Date.context_today(self)
        if today.day >= (self.env.company.property_billing_day or 28):
            return today.replace(day=1) + relativedelta(months=1)
        return today.replace(day=1)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _receivable_figures(self, commercial_ids, company, start, end):
        """Opening, payments, closing and arrears per commercial partner: one query.

        Everything is as at the end of the month, whenever the statement is printed: the
        arrears are the receivable items' residual amounts at ``end``, i.e. today's residual
        plus whatever was matched with them by reconciliations dated after ``end`` (the later
        of the two matched items' dates, ``max_date``, as in Odoo's aged receivable), so a
        payment received after the month does not change the month's arrears."""
        figures = {partner_id: self._empty_figures() for partner_id in commercial_ids}
        if not commercial_ids:
            return figures
        query, column, residual = self._receivable_items_query(commercial_ids, company, end)
        rows = self.env.execute_query_dict(
            query.select(
                SQL("%s AS partner_id", column("partner_id")),
                *self._balance_columns(column, start),
                *self._arrears_columns(column, residual, end),
            )
        )
        for row in rows:
            figures[row.pop("partner_id")].update(row)
        return figures

    @api.model
    def _empty_figures(self):
        return {
            "opening": 0.0,
            "payments": 0.0,
            "closing": 0.0,
            **{key: 0.0 for key, _first, _last in ARREARS_BUCKETS},
        }

    @api.model
    def _receivable_items_query(self, commercial_ids, company, end):
        """The posted receivable items of the partners up to ``end``, grouped by partner, each
        with its residual at ``end``: returns the query, a function giving the SQL of an item's
        field, and the SQL of that residual."""
        Line = self.env["account.move.line"]
        query = Line._search(
            [
                ("partner_id", "in", list(commercial_ids)),
                ("account_id.account_type", "=", "asset_receivable"),
                ("parent_state", "=", "posted"),
                ("company_id", "=", company.id),
                ("date", "<=", end),
            ]
        )
        table = query.table

        def column(fname):
            return Line._field_to_sql(table, fname, query)

        # What was matched with each (debit) item by reconciliations after the month, in the
        # company currency. Payments and credit notes are the credit side of the matching:
        # their own (negative) residuals are never arrears.
        Partial = self.env["account.partial.reconcile"]
        later = "statement_later_matched"
        query.add_join(
            "LEFT JOIN",
            later,
            SQL(
                "LATERAL (SELECT SUM(%s) AS amount FROM account_partial_reconcile AS part"
                " WHERE %s = %s AND %s > %s)",
                Partial._field_to_sql("part", "amount"),
                Partial._field_to_sql("part", "debit_move_id"),
                SQL.identifier(table, "id"),
                Partial._field_to_sql("part", "max_date"),
                end,
            ),
            SQL("TRUE"),
        )
        query.groupby = column("partner_id")
        residual = SQL(
            "(%s + COALESCE(%s, 0))",
            column("amount_residual"),
            SQL.identifier(later, "amount"),
        )
        return query, column, residual

    @api.model
    def _balance_columns(self, column, start):
        """Opening balance (before the month), closing balance and payments of the month."""
        date = column("date")
        return [
            SQL(
                "COALESCE(SUM(%s) FILTER (WHERE %s < %s), 0) AS opening",
                column("balance"),
                date,
                start,
            ),
            SQL("COALESCE(SUM(%s), 0) AS closing", column("balance")),
            SQL(
                "COALESCE(SUM(%s) FILTER (WHERE %s >= %s AND (%s IS NOT NULL OR %s IS NOT NULL)),"
                " 0) AS payments",
                column("credit"),
                date,
                start,
                column("payment_id"),
                column("statement_line_id"),
            ),
        ]

    @api.model
    def _arrears_columns(self, column, residual, end):
        """The arrears by age at ``end``: the residual of the open debit items (the posted
        invoices' unpaid part, even if paid since) by days overdue; an unallocated payment, a
        negative residual, is not an arrear."""
        due = SQL("%s - COALESCE(%s, %s)", end, column("date_maturity"), column("date"))
        open_invoice = SQL("%s > 0", residual)
        buckets = []
        for key, first, last in ARREARS_BUCKETS:
            condition = SQL("%s >= %s", due, first)
            if last is not None:
                condition = SQL("%s AND %s <= %s", condition, due, last)
            buckets.append(
                SQL(
                    "COALESCE(SUM(%s) FILTER (WHERE %s AND %s), 0) AS %s",
                    residual,
                    open_invoice,
                    condition,
                    SQL.identifier(key),
                )
            )
        return buckets

    @api.model
    def _fee_charges(self, commercial_ids, company, start):
        """The month's fee invoice lines per commercial partner, one per unit and fee (a unit's
        fee of a month is billed once to each contact): what it was billed on (quantity ×
        rate), untaxed, tax and total. One query for the lines, one for their taxes."""
        lines = self.env["account.move.line"].search_fetch(
            [
                ("partner_id", "in", list(commercial_ids)),
                ("property_period", "=", start),
                ("property_unit_id", "!=", False),
                ("display_type", "=", "product"),
                ("move_id.move_type", "=", "out_invoice"),
                ("parent_state", "in", ("draft", "posted")),
                ("company_id", "=", company.id),
            ],
            [
                "partner_id",
                "property_unit_id",
                "property_fee_type_id",
                "parent_state",
                "quantity",
                "price_unit",
                "property_quantity",
                "property_rate",
                "property_basis",
                "property_date_from",
                "property_date_to",
                "price_subtotal",
                "price_total",
                "tax_ids",
            ],
        )
        charges = defaultdict(list)
        for line in lines:
            fee = line.property_fee_type_id
            # Lines billed before the basis was recorded: their quantity and unit price.
            quantity = line.property_quantity or line.quantity
            rate = line.property_rate if line.property_quantity else line.price_unit
            prorated = company.currency_id.compare_amounts(quantity * rate, line.price_subtotal)
            # A billing cycle's line: billed in advance for its months.
            first, last = line.property_date_from, line.property_date_to
            months = ""
            if first and last and first.strftime("%Y-%m") != last.strftime("%Y-%m"):
                months = f"{first.strftime('%Y-%m')}~{last.strftime('%Y-%m')}"
            charges[line.partner_id.id].append(
                {
                    "unit": line.property_unit_id,
                    "fee": fee,
                    "quantity": quantity,
                    "computation": fee.computation,
                    "rate": rate,
                    "basis": line.property_basis if prorated else "",
                    "months": months,
                    "untaxed": line.price_subtotal,
                    "tax": line.price_total - line.price_subtotal,
                    "taxes": ", ".join(line.tax_ids.mapped("name")),
                    "amount": line.price_total,
                    "confirmed": line.parent_state == "posted",
                }
            )
        for lines in charges.values():
            lines.sort(
                key=lambda line: (line["unit"].code or "", line["fee"].sequence, line["fee"].id)
            )
        return charges

    @api.model
    def _statement_units(self, commercial_ids, charges, start, end):
        """Units billed to each partner this month, or of which he is the billing contact."""
        units = defaultdict(lambda: self.env["property.unit"])
        for partner_id, lines in charges.items():
            for line in lines:
                units[partner_id] |= line["unit"]
        occupancies = self.env["property.occupancy"].search(
            [
                ("partner_id", "child_of", list(commercial_ids)),
                ("is_billing_contact", "=", True),
                ("date_start", "<=", end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", start),
            ]
        )
        for occupancy in occupancies:
            units[occupancy.partner_id.commercial_partner_id.id] |= occupancy.unit_id
        return units

    @api.model
    def _butler_contacts(self, units):
        """Name and phone of the butlers of ``units``: residents cannot read staff users,
        so only these two fields are read through sudo."""
        contacts = []
        for unit in units.sudo():
            butler = unit.grid_id.butler_id
            if not butler:
                continue
            contact = {
                "name": butler.name,
                "phone": butler.partner_id.phone or unit.project_id.phone or "",
            }
            if contact not in contacts:
                contacts.append(contact)
        return contacts

    @api.model
    def _mask_account(self, number):
        """A bank account number with all but its last 4 characters hidden."""
        number = number or ""
        return "*" * max(len(number) - 4, 0) + number[-4:]

    @api.model
    def _payment_instructions(self, company, partners):
        """How each contact pays, by partner id: the company's bank accounts (the auto-debit
        addon adds the contact's mandate)."""
        company_banks = [
            {
                "bank": bank.bank_id.name or "",
                "acc_number": bank.acc_number,
                "holder": bank.partner_id.name,
            }
            for bank in company.sudo().partner_id.bank_ids
        ]
        return {partner.id: {"company_banks": company_banks} for partner in partners}

    @api.model
    def _payment_link(self, company):
        """The portal page where residents pay their invoices online, and its QR code (a PNG
        with a quiet zone, as a data URI so that the PDF needs no request to draw it)."""
        url = f"{company.get_base_url()}/my/invoices"
        png = self.env["ir.actions.report"].barcode(
            "QR", url, width=240, height=240, humanreadable=0, quiet=1, barBorder=4, barLevel="M"
        )
        return {
            "payment_url": url,
            "payment_qr": f"data:image/png;base64,{b64encode(png).decode()}",
        }

    @api.model
    def _service_phones(self, company, units):
        """The service hotlines: the units' projects' service centres, else the company's."""
        phones = []
        for phone in units.sudo().project_id.mapped("phone") + [company.sudo().phone]:
            if phone and phone not in phones:
                phones.append(phone)
        return phones

    @api.model
    def _get_statements(self, partners, period):
        """The statement values of each partner (by partner id) for the month of ``period``."""
        start = period.replace(day=1)
        end = start + relativedelta(months=1, days=-1)
        company = self.env.company
        currency = company.currency_id
        commercial = partners.commercial_partner_id
        figures = self._receivable_figures(set(commercial.ids), company, start, end)
        charges = self._fee_charges(set(commercial.ids), company, start)
        units = self._statement_units(set(commercial.ids), charges, start, end)
        instructions = self._payment_instructions(company, partners)
        payment = self._payment_link(company)
        statements = {}
        for partner in partners:
            key = partner.commercial_partner_id.id
            lines = charges.get(key, [])
            confirmed = [line for line in lines if line["confirmed"]]
            charges_total = sum(line["amount"] for line in confirmed)
            statements[partner.id] = {
                "partner": partner,
                "company": company,
                "currency": currency,
                "date_from": start,
                "date_to": end,
                "period_label": start.strftime("%Y-%m"),
                **figures[key],
                "charges": lines,
                "charges_total": charges_total,
                "untaxed_total": sum(line["untaxed"] for line in confirmed),
                "tax_total": currency.round(sum(line["tax"] for line in confirmed)),
                "draft_total": sum(line["amount"] for line in lines if not line["confirmed"]),
                # Whatever else moved the balance (e.g. another invoice, a refund).
                "other": currency.round(
                    figures[key]["closing"]
                    - figures[key]["opening"]
                    - charges_total
                    + figures[key]["payments"]
                ),
                "butlers": self._butler_contacts(units[key]),
                "service_phones": self._service_phones(company, units[key]),
                **payment,
                **instructions[partner.id],
            }
        return statements

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self._check_report_access(docids)
        period = self._statement_period(data)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "data": data,
            "statements": self._get_statements(partners, period),
            "arrears_buckets": [key for key, _first, _last in ARREARS_BUCKETS],
        }
