from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyStatementWizard(models.TransientModel):
    """Print the statements (對帳單) of one or more billing contacts for a chosen month."""

    _name = "property.statement.wizard"
    _description = "Print Statements"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Contacts",
        default=lambda self: self._default_partners(),
        help="The billing contacts whose statements are printed, one after the other.",
    )
    period = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self.env[
            "report.property_butler_billing.property_statement_document"
        ]._statement_period(),
        help="Any day of the month of the statement.",
    )

    @api.model
    def _default_partners(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env["res.partner"].browse(self.env.context.get("active_ids") or [])
        return self.env["res.partner"]

    def action_print(self):
        self.ensure_one()
        if not self.partner_ids:
            raise UserError(self.env._("Choose at least one contact to print the statement of."))
        period = self.period.replace(day=1)
        return self.env.ref("property_butler_billing.property_statement_report").report_action(
            self.partner_ids, data={"period": fields.Date.to_string(period)}
        )
