from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_parcel_reminder_days = fields.Integer(
        related="company_id.property_parcel_reminder_days", readonly=False
    )
    property_parcel_sms = fields.Boolean(related="company_id.property_parcel_sms", readonly=False)
