from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyActivityCheckin(models.TransientModel):
    """The door of a community activity: the front desk scans (or types) the QR code of the
    resident's sign-up; the code alone identifies it."""

    _name = "property.activity.checkin"
    _description = "Activity Check-in"

    event_id = fields.Many2one(
        "event.event",
        string="Activity",
        required=True,
        domain="[('property_project_id', '!=', False), ('property_state', '=', 'approved')]",
    )
    code = fields.Char(string="Sign-up Code", help="The QR code the resident shows at the door.")
    last_registration_id = fields.Many2one("event.registration", string="Last Checked In")
    last_unit_id = fields.Many2one(related="last_registration_id.unit_id", string="Unit")
    last_party_size = fields.Integer(
        related="last_registration_id.property_party_size", string="People"
    )
    headcount = fields.Integer(related="event_id.property_headcount")
    attended_count = fields.Integer(related="event_id.property_attended_count")

    @api.model
    def _find_registration(self, event, code):
        code = (code or "").strip()
        if not code:
            raise UserError(self.env._("Scan or type the code of the sign-up."))
        registration = self.env["event.registration"].search(
            [("event_id", "=", event.id), ("barcode", "=", code)], limit=1
        )
        if not registration:
            raise UserError(self.env._("No sign-up of this activity has the code %s.", code))
        return registration

    def action_check_in(self):
        self.ensure_one()
        registration = self._find_registration(self.event_id, self.code)
        registration._property_check_in()
        self.write({"last_registration_id": registration.id, "code": False})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": self.env._("Activity Check-in"),
        }
