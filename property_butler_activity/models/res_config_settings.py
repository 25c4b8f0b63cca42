from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_activities_per_year = fields.Integer(
        related="company_id.property_activities_per_year", readonly=False
    )
