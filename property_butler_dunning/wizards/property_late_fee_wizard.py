import re
from collections import defaultdict
from datetime import date as Date

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

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


class PropertyLateFeeWizard(models.TransientModel):
    """Late fees on overdue fee invoices: computed, previewed and invoiced as one draft customer
    invoice per billing contact."""

    _name = "property.late.fee.wizard"
    _description = "Invoice Late Fees"

    date = fields.Date(
        string="Late Fees To",
        required=True,
        default=fields.Date.context_today,
        help="Days of delay are counted from each invoice's due date to this date.",
    )
    partner_ids = fields.Many2many("res.partner", string="Billing Contacts")
    dunning_case_ids = fields.Many2many(
        "property.dunning.case",
        string="Dunning Cases",
        default=lambda self: self._default_dunning_cases(),
        help="The overdue invoices of these cases' units are charged.",
    )
    rate = fields.Float(
        string="Daily Rate (%)",
        digits=(16, 4),
        required=True,
        default=lambda self: self._default_rate() * 100,
        help="Late fee per day of delay, in percent of the residual (0.03 = 0.03 % a day).",
    )
    cap = fields.Float(
        string="Cap (%)",
        digits=(16, 2),
        default=lambda self: (self._default_cap() or 0.0) * 100,
        help="At most this percentage of the residual per overdue invoice; 0: no cap.",
    )
    preview = fields.Html(compute="_compute_preview", sanitize=False)

    @api.model
    def _default_dunning_cases(self):
        if self.env.context.get("active_model") == "property.dunning.case":
            return self.env["property.dunning.case"].browse(self.env.context.get("active_ids"))
        return self.env["property.dunning.case"]

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

    @api.constrains("rate", "cap")
    def _check_rate(self):
        for wizard in self:
            if wizard.rate <= 0:
                raise ValidationError(self.env._("The daily late-fee rate must be positive."))
            if wizard.cap < 0:
                raise ValidationError(self.env._("The late-fee cap cannot be negative."))

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

    def _invoices(self):
        """The overdue fee invoices the wizard charges: its contacts' and its cases' units'."""
        self.ensure_one()
        selectors = []
        if self.partner_ids:
            selectors.append(
                [("commercial_partner_id", "in", self.partner_ids.commercial_partner_id.ids)]
            )
        if self.dunning_case_ids:
            selectors.append(
                [("invoice_line_ids.property_unit_id", "in", self.dunning_case_ids.unit_id.ids)]
            )
        if not selectors:
            return self.env["account.move"]
        domain = self._overdue_domain(self.date)
        selector = selectors[0] if len(selectors) == 1 else ["|", *selectors[0], *selectors[1]]
        return self.env["account.move"].search(domain + selector, order="invoice_date_due, id")

    def _fees(self):
        invoices = self._invoices()
        return self._late_fees(
            invoices,
            self.date,
            rate=self.rate / 100,
            cap=self.cap / 100 or None,
            charged=self._charged(invoices),
        )

    def _line_label(self, move, values):
        return (
            f"Late fee on {move.name} to {fields.Date.to_string(self.date)}: "
            f"{values['days']} days × {self.rate:g} % × {values['residual']:,.2f}"
        )

    @api.depends("date", "partner_ids", "dunning_case_ids", "rate", "cap")
    def _compute_preview(self):
        for wizard in self:
            if not wizard.date or wizard.rate <= 0:
                wizard.preview = False
                continue
            fees = wizard._fees()
            if not fees:
                wizard.preview = Markup("<p>%s</p>") % self.env._("Nothing to charge.")
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (
                    move.partner_id.display_name,
                    move.name,
                    values["days"],
                    f"{values['residual']:,.2f}",
                    f"{values['fee']:,.2f}",
                )
                for move, values in fees.items()
            )
            wizard.preview = Markup(
                '<table class="table table-sm"><thead><tr><th>%s</th><th>%s</th><th>%s</th>'
                "<th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (
                escape(self.env._("Contact")),
                escape(self.env._("Invoice")),
                escape(self.env._("Days Late")),
                escape(self.env._("Residual")),
                escape(self.env._("Late Fee")),
                rows,
            )

    # ------------------------------------------------------------------ invoicing

    def action_invoice(self):
        """One draft customer invoice per billing contact, a line per overdue invoice."""
        self.ensure_one()
        if not self.partner_ids and not self.dunning_case_ids:
            raise UserError(self.env._("Choose billing contacts or dunning cases."))
        product = self._late_fee_product()
        fees = {move: values for move, values in self._fees().items() if values["fee"] > 0}
        if not fees:
            raise UserError(
                self.env._(
                    "No late fee to invoice on %(date)s: no overdue fee invoice, or all of them "
                    "are already charged up to that date.",
                    date=self.date,
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
                    "ref": self.env._("Late fees to %s", fields.Date.to_string(self.date)),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": self._line_label(move, values),
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
        invoices = self.env["account.move"].create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        if len(invoices) == 1:
            action.update(views=[(False, "form")], res_id=invoices.id)
        return action

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
