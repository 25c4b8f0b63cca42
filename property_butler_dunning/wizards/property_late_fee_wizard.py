from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyLateFeeWizard(models.TransientModel):
    """Invoice late fees by hand: the date, the contacts or dunning cases and the rates are
    collected and previewed here; ``property.late.fee`` computes and invoices them."""

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
        default=lambda self: self.env["property.late.fee"]._default_rate() * 100,
        help="Late fee per day of delay, in percent of the residual (0.03 = 0.03 % a day).",
    )
    cap = fields.Float(
        string="Cap (%)",
        digits=(16, 2),
        default=lambda self: (self.env["property.late.fee"]._default_cap() or 0.0) * 100,
        help="At most this percentage of the residual per overdue invoice; 0: no cap.",
    )
    preview = fields.Html(compute="_compute_preview", sanitize=False)

    @api.model
    def _default_dunning_cases(self):
        if self.env.context.get("active_model") == "property.dunning.case":
            return self.env["property.dunning.case"].browse(self.env.context.get("active_ids"))
        return self.env["property.dunning.case"]

    @api.constrains("rate", "cap")
    def _check_rate(self):
        for wizard in self:
            if wizard.rate <= 0:
                raise ValidationError(self.env._("The daily late-fee rate must be positive."))
            if wizard.cap < 0:
                raise ValidationError(self.env._("The late-fee cap cannot be negative."))

    # ------------------------------------------------------------------ computation

    def _invoices(self):
        """The overdue fee invoices the wizard charges: its contacts' and its cases' units'."""
        self.ensure_one()
        return self.env["property.late.fee"]._overdue_invoices(
            self.date, partners=self.partner_ids, units=self.dunning_case_ids.unit_id
        )

    def _fees(self):
        return self.env["property.late.fee"]._fees_to_charge(
            self._invoices(), self.date, self.rate / 100, cap=self.cap / 100 or None
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
        invoices = self.env["property.late.fee"]._invoice_late_fees(
            self._invoices(), self.date, self.rate / 100, cap=self.cap / 100 or None
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        if len(invoices) == 1:
            action.update(views=[(False, "form")], res_id=invoices.id)
        return action
