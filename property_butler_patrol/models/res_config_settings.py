from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_morning_check_grace = fields.Integer(
        related="company_id.property_morning_check_grace", readonly=False
    )
