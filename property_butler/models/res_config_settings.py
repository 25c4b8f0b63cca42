from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_grid_restricted = fields.Boolean(
        related="company_id.property_grid_restricted",
        readonly=False,
    )
