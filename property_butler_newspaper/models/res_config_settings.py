from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_newspaper_deadline = fields.Float(
        related="company_id.property_newspaper_deadline", readonly=False
    )
