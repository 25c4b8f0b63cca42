from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_survey_satisfaction_target = fields.Float(
        related="company_id.property_survey_satisfaction_target", readonly=False
    )
    property_survey_item_target = fields.Float(
        related="company_id.property_survey_item_target", readonly=False
    )
    property_survey_satisfied_score = fields.Integer(
        related="company_id.property_survey_satisfied_score", readonly=False
    )
    property_survey_unsatisfied_score = fields.Integer(
        related="company_id.property_survey_unsatisfied_score", readonly=False
    )
