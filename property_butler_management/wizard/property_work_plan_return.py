from odoo import fields, models


class PropertyWorkPlanReturn(models.TransientModel):
    """The superior sends a plan back to its author with the reason."""

    _name = "property.work.plan.return"
    _description = "Send a Work Plan Back"

    plan_ids = fields.Many2many("property.work.plan", string="Plans", required=True)
    reason = fields.Text(required=True, help="What the author is to change.")

    def action_confirm(self):
        self.ensure_one()
        self.plan_ids._send_back(self.reason)
        return {"type": "ir.actions.act_window_close"}
