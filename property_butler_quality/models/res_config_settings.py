from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_paid_service_target = fields.Integer(
        related="company_id.property_paid_service_target", readonly=False
    )
    property_idea_target = fields.Integer(related="company_id.property_idea_target", readonly=False)
    property_major_incident_target = fields.Integer(
        related="company_id.property_major_incident_target", readonly=False
    )
