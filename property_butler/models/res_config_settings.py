from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_grid_restricted = fields.Boolean(
        related="company_id.property_grid_restricted",
        readonly=False,
    )
    property_billing_day = fields.Integer(related="company_id.property_billing_day", readonly=False)
    property_fee_due_day = fields.Integer(related="company_id.property_fee_due_day", readonly=False)
    property_late_fee_rate = fields.Float(
        related="company_id.property_late_fee_rate", readonly=False
    )
    property_late_fee_cap = fields.Float(related="company_id.property_late_fee_cap", readonly=False)
    property_collection_target = fields.Float(
        related="company_id.property_collection_target", readonly=False
    )
