from odoo import fields, models


class PropertySurveyResult(models.Model):
    """The scored items of the answered invitations (one row per item answered): per
    campaign, item, project, grid and butler, the score and whether it counts as satisfied
    (the company's satisfied score), for the pivot and graph of the results."""

    _name = "property.survey.result"
    _description = "Satisfaction Survey Result"
    _auto = False
    _order = "campaign_id desc, question_id"
    _rec_name = "question_id"
    _depends = {
        "survey.user_input.line": [
            "user_input_id",
            "question_id",
            "answer_type",
            "skipped",
            "suggested_answer_id",
        ],
        "survey.user_input": ["state", "end_datetime"],
        "survey.question.answer": ["answer_score"],
        "property.survey.invitation": [
            "campaign_id",
            "company_id",
            "unit_id",
            "project_id",
            "grid_id",
            "butler_id",
            "user_input_id",
        ],
        "res.company": ["property_survey_satisfied_score"],
    }

    campaign_id = fields.Many2one("property.survey.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    invitation_id = fields.Many2one("property.survey.invitation", readonly=True)
    question_id = fields.Many2one("survey.question", string="Item", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    grid_id = fields.Many2one("property.grid", readonly=True)
    butler_id = fields.Many2one("res.users", readonly=True)
    date_done = fields.Datetime(string="Answered On", readonly=True)
    score = fields.Float(readonly=True, aggregator="avg")
    satisfied = fields.Integer(readonly=True, aggregator="sum")
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return """
            SELECT line.id AS id,
                   inv.campaign_id AS campaign_id,
                   inv.company_id AS company_id,
                   inv.id AS invitation_id,
                   line.question_id AS question_id,
                   inv.unit_id AS unit_id,
                   inv.project_id AS project_id,
                   inv.grid_id AS grid_id,
                   inv.butler_id AS butler_id,
                   ui.end_datetime AS date_done,
                   choice.answer_score AS score,
                   CASE WHEN choice.answer_score >= company.property_survey_satisfied_score
                        THEN 1 ELSE 0 END AS satisfied,
                   CASE WHEN choice.answer_score >= company.property_survey_satisfied_score
                        THEN 100.0 ELSE 0.0 END AS satisfaction_rate
              FROM survey_user_input_line line
              JOIN survey_user_input ui ON ui.id = line.user_input_id
              JOIN property_survey_invitation inv ON inv.user_input_id = ui.id
              JOIN res_company company ON company.id = inv.company_id
              JOIN survey_question_answer choice ON choice.id = line.suggested_answer_id
             WHERE ui.state = 'done'
               AND line.answer_type = 'suggestion'
               AND NOT COALESCE(line.skipped, FALSE)
               AND choice.answer_score > 0
        """
