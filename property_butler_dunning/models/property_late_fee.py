import re
from collections import defaultdict
from datetime import date as Date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# 0.03 % of the residual per day of delay (万分之三): the common rate in Chinese property contracts.
DAILY_RATE = 0.0003
# Optional cap on an invoice's late fee, as a fraction of its residual (e.g. 0.1 = 10 %); None: none.
CAP = None

# Idempotence marker: every late-fee line's label starts with
# "Late fee on <overdue invoice number> to <YYYY-MM-DD>". The lines of non-cancelled invoices
# with the late-fee product are read back (one search): an overdue invoice already charged up
# to the run's date (or later) is not charged again, and one charged up to an earlier date is
# only charged for the days since then (and within what is left of the cap).
_MARKER = re.compile(r"^Late fee on (\S+) to (\d{4}-\d{2}-\d{2})")


class PropertyLateFee(models.AbstractModel):
    """Late fees on overdue fee invoices: residual × daily rate × days late (within an optional
    cap), invoiced as one draft customer invoice per billing contact, each overdue invoice
    charged once per day (see ``_MARKER``). The lawyer's letter states them too.

    Rates are fractions here (0.0003 a day, cap 0.1); the company's settings and the wizard
    that collects them are in percent."""

    _name = "property.late.fee"
    _description = "Late Fees"

    # ------------------------------------------------------------------ settings

    @api.model
    def _default_rate(self):
        """Daily rate as a fraction; the company's setting (if any) is in percent."""
        percent = getattr(self.env.company, "property_late_fee_rate", None)
        return percent / 100 if percent else DAILY_RATE

    @api.model
    def _default_cap(self):
        """Cap as a fraction of the residual (None: none); the company's setting is in percent."""
        percent = getattr(self.env.company, "property_late_fee_cap", None)
        return percent / 100 if percent else CAP

    @api.model
    def _late_fee_product(self, raise_if_missing=True):
        product = self.env.ref("property_butler_billing.product_late_fee", raise_if_not_found=False)
        if not product and raise_if_missing:
            raise UserError(
                self.env._(
                    "The 'Late Fee' product (property_butler_billing.product_late_fee) is missing: "
                    "update the Property Butler module or ask an administrator."
                )
            )
        return product

    # ------------------------------------------------------------------ computation

    @api.model
    def _overdue_domain(self, on_date):
        return [
            ("state", "=", "posted"),
            ("move_type", "=", "out_invoice"),
            ("property_period", "!=", False),
            ("payment_state", "in", ("not_paid", "partial")),
            ("amount_residual", ">", 0),
            ("invoice_date_due", "<", on_date),
        ]

    @api.model
    def _overdue_invoices(self, on_date, partners=None, units=None):
        """The fee invoices overdue on ``on_date`` of ``partners`` (their commercial partners)
        and of ``units``, oldest due first; none when neither is given."""
        selectors = []
        if partners:
            selectors.append([("commercial_partner_id", "in", partners.commercial_partner_id.ids)])
        if units:
            selectors.append([("invoice_line_ids.property_unit_id", "in", units.ids)])
        if not selectors:
            return self.env["account.move"]
        selector = selectors[0] if len(selectors) == 1 else ["|", *selectors[0], *selectors[1]]
        return self.env["account.move"].search(
            self._overdue_domain(on_date) + selector, order="invoice_date_due, id"
        )

    @api.model
    def _late_fees(self, invoices, on_date, rate=None, cap=None, charged=None):
        """{invoice: {'days', 'residual', 'fee', 'since'}} of the overdue posted fee invoices
        among `invoices` on `on_date`.

        fee = residual × rate × days late, at most residual × cap (cap: fraction, None/0 none).
        `charged`: {invoice name: (date charged to, amount charged)} of earlier late-fee lines:
        only the days after that date count, and the cap is what is left of it."""
        rate = self._default_rate() if rate is None else rate
        cap = self._default_cap() if cap is None else cap
        charged = charged or {}
        result = {}
        for move in invoices:
            if (
                move.state != "posted"
                or move.move_type != "out_invoice"
                or not move.property_period
                or move.payment_state not in ("not_paid", "partial")
                or not move.invoice_date_due
                or move.invoice_date_due >= on_date
            ):
                continue
            residual = move.amount_residual
            if residual <= 0:
                continue
            since, already = charged.get(move.name, (None, 0.0))
            start = max(move.invoice_date_due, since) if since else move.invoice_date_due
            days = (on_date - start).days
            if days <= 0:
                continue
            fee = residual * rate * days
            if cap:
                fee = min(fee, max(residual * cap - already, 0.0))
            fee = move.currency_id.round(fee)
            result[move] = {"days": days, "residual": residual, "fee": fee, "since": since}
        return result

    @api.model
    def _charged(self, invoices):
        """{invoice name: (latest date charged to, total charged)} from the late-fee lines of
        non-cancelled invoices that charge `invoices` (one search)."""
        product = self._late_fee_product(raise_if_missing=False)
        if not product or not invoices:
            return {}
        lines = self.env["account.move.line"].search(
            [
                ("product_id", "=", product.id),
                ("parent_state", "!=", "cancel"),
                ("move_id.move_type", "=", "out_invoice"),
                ("partner_id", "in", invoices.partner_id.commercial_partner_id.ids),
                ("name", "=like", "Late fee on %"),
            ]
        )
        names = set(invoices.mapped("name"))
        charged = {}
        for line in lines:
            match = _MARKER.match(line.name or "")
            if not match or match.group(1) not in names:
                continue
            day = Date.fromisoformat(match.group(2))
            previous_day, previous_amount = charged.get(match.group(1), (None, 0.0))
            charged[match.group(1)] = (
                max(day, previous_day) if previous_day else day,
                previous_amount + line.price_subtotal,
            )
        return charged

    @api.model
    def _fees_to_charge(self, invoices, on_date, rate, cap=None):
        """The late fees of `invoices` on `on_date` not charged yet (see ``_late_fees``)."""
        return self._late_fees(
            invoices, on_date, rate=rate, cap=cap, charged=self._charged(invoices)
        )

    # ------------------------------------------------------------------ invoicing

    @api.model
    def _line_label(self, move, values, on_date, rate):
        """The late-fee line's label, which starts with the idempotence marker."""
        return (
            f"Late fee on {move.name} to {fields.Date.to_string(on_date)}: "
            f"{values['days']} days × {rate * 100:g} % × {values['residual']:,.2f}"
        )

    @api.model
    def _invoice_late_fees(self, invoices, on_date, rate, cap=None):
        """Invoice the late fees of `invoices` on `on_date` not charged yet: one draft customer
        invoice per billing contact (and company), a line per overdue invoice, untaxed.
        Refused when there is nothing to charge. Returns the draft invoices."""
        product = self._late_fee_product()
        fees = {
            move: values
            for move, values in self._fees_to_charge(invoices, on_date, rate, cap).items()
            if values["fee"] > 0
        }
        if not fees:
            raise UserError(
                self.env._(
                    "No late fee to invoice on %(date)s: no overdue fee invoice, or all of them "
                    "are already charged up to that date.",
                    date=on_date,
                )
            )
        by_partner = defaultdict(list)
        for move, values in fees.items():
            by_partner[(move.commercial_partner_id, move.company_id)].append((move, values))
        vals_list = []
        for (partner, company), items in by_partner.items():
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "ref": self.env._("Late fees to %s", fields.Date.to_string(on_date)),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": self._line_label(move, values, on_date, rate),
                                "quantity": 1.0,
                                "price_unit": values["fee"],
                                # A late fee is compensation, not a taxable supply.
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for move, values in items
                    ],
                }
            )
        return self.env["account.move"].create(vals_list)

    # ------------------------------------------------------------------ lawyer's letter

    @api.model
    def _letter_values(self, case, on_date=None):
        """What the lawyer's letter of a dunning case states: the unit's overdue fee invoices,
        each with its days late and late fee on `on_date` (today), and the totals."""
        on_date = on_date or fields.Date.context_today(self)
        invoices = (
            self.env["account.move"]
            .sudo()
            .search(
                self._overdue_domain(on_date)
                + [("invoice_line_ids.property_unit_id", "=", case.unit_id.id)],
                order="invoice_date_due, id",
            )
        )
        fees = self._late_fees(invoices, on_date)
        lines = [
            {
                "name": move.name,
                "period": move._property_period_label(),
                "date_due": move.invoice_date_due,
                "residual": values["residual"],
                "days": values["days"],
                "fee": values["fee"],
            }
            for move, values in fees.items()
        ]
        arrears = sum(line["residual"] for line in lines)
        late_fees = sum(line["fee"] for line in lines)
        return {
            "date": on_date,
            "lines": lines,
            "arrears": arrears,
            "late_fees": late_fees,
            "total": arrears + late_fees,
            "rate": self._default_rate() * 100,
        }
