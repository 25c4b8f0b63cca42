from odoo import api, fields, models


class PropertyBillingWizard(models.TransientModel):
    """Run the fee billing of a month by hand (a manager's catch-up or correction)."""

    _name = "property.billing.wizard"
    _description = "Run Fee Billing"

    period = fields.Date(
        string="Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to bill.",
    )
    project_ids = fields.Many2many(
        "property.project", string="Projects", help="Empty: every project of the company."
    )

    @api.model
    def _default_projects(self):
        return self.env["property.project"].search([("company_id", "=", self.env.company.id)])

    def action_run(self):
        self.ensure_one()
        Billing = self.env["property.billing"]
        period = Billing._check_period(self.period)
        projects = self.project_ids or self._default_projects()
        # The wizard is for property and finance managers (ACL); property managers have no
        # accounting rights: the run drafts the invoices as the scheduler would, as superuser.
        moves = Billing.sudo()._bill_period(period, projects)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fee Invoices %s", period.strftime("%Y-%m")),
            "res_model": "account.move",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref("property_butler_billing.account_move_view_list_property_fees").id,
                    "list",
                ),
                (False, "form"),
            ],
            "search_view_id": [
                self.env.ref("property_butler_billing.account_move_view_search_property_fees").id
            ],
            "domain": [("property_period", "=", period), ("move_type", "=", "out_invoice")],
            "context": {"search_default_draft": 1, "created_ids": moves.ids, "create": False},
        }
