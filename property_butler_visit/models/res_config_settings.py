from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_visits_per_household = fields.Integer(
        related="company_id.property_visits_per_household", readonly=False
    )
    property_visits_per_key_customer = fields.Integer(
        related="company_id.property_visits_per_key_customer", readonly=False
    )
