from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_satisfaction_target = fields.Float(
        related="company_id.property_satisfaction_target", readonly=False
    )
    property_satisfaction_item_target = fields.Float(
        related="company_id.property_satisfaction_item_target", readonly=False
    )
    property_major_complaint_target = fields.Integer(
        related="company_id.property_major_complaint_target", readonly=False
    )
