from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_billing_day = fields.Integer(related="company_id.property_billing_day", readonly=False)
    property_fee_due_day = fields.Integer(related="company_id.property_fee_due_day", readonly=False)
