from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_late_fee_rate = fields.Float(
        related="company_id.property_late_fee_rate", readonly=False
    )
    property_late_fee_cap = fields.Float(related="company_id.property_late_fee_cap", readonly=False)
    property_collection_target = fields.Float(
        related="company_id.property_collection_target", readonly=False
    )
