from odoo import Command

from odoo.addons.property_butler.tests.common import PropertyButlerCase


class SurveyCase(PropertyButlerCase):
    """The estate's two grids (the butler's building 2, butler2's building 5), the owners billed
    for 3-2-1502 and 3-5-301, and a questionnaire of two scored items and a comment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.manager.groups_id = [Command.link(cls.env.ref("survey.group_survey_manager").id)]
        choices = [
            Command.create({"value": label, "answer_score": score, "sequence": 6 - score})
            for score, label in (
                (5, "Very satisfied"),
                (4, "Satisfied"),
                (3, "Neutral"),
                (2, "Dissatisfied"),
                (1, "Very dissatisfied"),
            )
        ]
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Satisfaction 2026",
                "access_mode": "token",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Butler service",
                            "sequence": 1,
                            "question_type": "simple_choice",
                            "suggested_answer_ids": choices,
                        }
                    ),
                    Command.create(
                        {
                            "title": "Cleaning",
                            "sequence": 2,
                            "question_type": "simple_choice",
                            "suggested_answer_ids": choices,
                        }
                    ),
                    Command.create(
                        {"title": "Suggestions", "sequence": 3, "question_type": "text_box"}
                    ),
                ],
            }
        )
        cls.q_butler, cls.q_cleaning, cls.q_comment = cls.survey.question_ids.sorted("sequence")

    @classmethod
    def _campaign(cls, **vals):
        return (
            cls.env["property.survey.campaign"]
            .with_user(cls.manager)
            .create(
                {
                    "name": vals.pop("name", "2026 satisfaction survey"),
                    "project_ids": [Command.set(cls.project.ids)],
                    "survey_id": cls.survey.id,
                    **vals,
                }
            )
        )

    def _answer(self, invitation, butler_score, cleaning_score, comment=None):
        """The household answers (scores of the chosen choices) and submits."""
        user_input = invitation.user_input_id.sudo()
        for question, score in ((self.q_butler, butler_score), (self.q_cleaning, cleaning_score)):
            choice = question.suggested_answer_ids.filtered(lambda a, s=score: a.answer_score == s)
            user_input._save_lines(question, choice.id)
        if comment:
            user_input._save_lines(self.q_comment, comment)
        user_input._mark_done()
        invitation.invalidate_recordset()
