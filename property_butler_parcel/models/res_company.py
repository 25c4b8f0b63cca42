from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    property_parcel_reminder_days = fields.Integer(
        string="Remind Residents of Mail After (Days)",
        default=3,
        help="Residents are reminded once of registered mail and parcels not collected this "
        "many days after they were told; 0: no reminder.",
    )
    property_parcel_sms = fields.Boolean(
        string="Text Residents About Their Mail",
        help="Besides the portal and e-mail, residents get an SMS (Odoo SMS credits) when mail "
        "arrives for them and when they are reminded.",
    )
