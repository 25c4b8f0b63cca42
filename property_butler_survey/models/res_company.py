from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # The quality target of the customer-service department (seed 001, 1.2.1): "用戶對服務質量的
    # 平均滿意率達到 90%, 單項指標不低於 85%".
    property_survey_satisfaction_target = fields.Float(
        string="Satisfaction Rate Target (%)",
        default=90.0,
        help="The average satisfaction rate of a survey campaign must reach this share of "
        "satisfied answers (quality target: 90 %).",
    )
    property_survey_item_target = fields.Float(
        string="Item Satisfaction Target (%)",
        default=85.0,
        help="No single item of the questionnaire (butler service, repairs, cleaning ...) may "
        "fall below this satisfaction rate (quality target: 85 %).",
    )
    property_survey_satisfied_score = fields.Integer(
        string="Satisfied from Score",
        default=4,
        help="An item answered with a choice scored at least this much (of 5) counts as satisfied.",
    )
    property_survey_unsatisfied_score = fields.Integer(
        string="Unsatisfied up to Score",
        default=2,
        help="An item answered with a choice scored at most this much (of 5) is unsatisfied: "
        "the grid's butler gets a follow-up activity.",
    )

    @api.constrains(
        "property_survey_satisfaction_target",
        "property_survey_item_target",
        "property_survey_satisfied_score",
        "property_survey_unsatisfied_score",
    )
    def _check_property_survey_targets(self):
        for company in self:
            targets = (
                company.property_survey_satisfaction_target,
                company.property_survey_item_target,
            )
            if any(target < 0 or target > 100 for target in targets):
                raise ValidationError(self.env._("Satisfaction targets are between 0 and 100 %."))
            if not (
                0
                < company.property_survey_unsatisfied_score
                < company.property_survey_satisfied_score
            ):
                raise ValidationError(
                    self.env._(
                        "The unsatisfied score must be positive and below the satisfied score."
                    )
                )
