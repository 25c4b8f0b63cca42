from odoo import fields, models


class PropertyParcelReturn(models.TransientModel):
    """An item nobody could identify (or nobody collected) goes back to the post office, with
    its return record: date, by whom, reason."""

    _name = "property.parcel.return"
    _description = "Return to the Post Office"

    parcel_ids = fields.Many2many("property.parcel", string="Items", required=True)
    return_date = fields.Date(
        string="Returned On", required=True, default=fields.Date.context_today
    )
    reason = fields.Text(
        required=True, default=lambda self: self.env._("Addressee unknown at this address")
    )

    def action_confirm(self):
        self.ensure_one()
        self.parcel_ids._mark_returned(self.reason, day=self.return_date)
        return {"type": "ir.actions.act_window_close"}
