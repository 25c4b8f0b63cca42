from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

# The demo households' answers (scores of the choices): mostly satisfied, repairs less so (the
# item below its target), rarely unsatisfied.
SCORES = [5] * 14 + [4] * 7 + [3]
REPAIR_SCORES = [5] * 8 + [4] * 7 + [3] * 4 + [2]
COMMENTS = [
    "管家服务很好，回复及时",
    "希望维修师傅能更准时上门",
    "楼道保洁有时不够干净",
    "夜间巡逻加强后安心多了",
    "绿化修剪得很漂亮",
    False,
    False,
    False,
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_surveys(self):
        """This year's satisfaction campaign of the demo project, running: every household
        invited to the demo questionnaire, about two thirds answered (a few unsatisfied items
        with the butler's follow-up activity); the portal residents' invitations still open."""
        project = self._demo_project()
        survey = self.env.ref(
            "property_butler_survey.survey_satisfaction_demo", raise_if_not_found=False
        )
        Campaign = self.env["property.survey.campaign"]
        if not project or not survey or Campaign.search_count([], limit=1):
            return
        rng = self._demo_rng("surveys")
        today = fields.Date.context_today(self)
        campaign = Campaign.create(
            {
                "name": self.env._("%s Residents' Satisfaction Survey", today.year),
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "survey_id": survey.id,
                "date_start": today - timedelta(days=20),
                "date_end": today + timedelta(days=10),
                "sample_share": 100.0,
            }
        )
        campaign.with_context(property_survey_no_mail=True).action_launch()
        portal_partners = self.env["res.users"].search([("share", "=", True)]).partner_id
        items = survey.question_ids.filtered(lambda q: q.question_type == "simple_choice")
        repairs = self.env.ref("property_butler_survey.survey_satisfaction_demo_q_repair")
        comment = survey.question_ids.filtered(lambda q: q.question_type == "text_box")[:1]
        answered = self.env["survey.user_input"]
        line_vals = []
        for invitation in campaign.invitation_ids.sorted("id"):
            if invitation.partner_id in portal_partners or rng.random() > 0.65:
                continue
            user_input = invitation.user_input_id
            answered |= user_input
            for question in items:
                scores = REPAIR_SCORES if question == repairs else SCORES
                score = rng.choice(scores)
                choice = question.suggested_answer_ids.filtered(
                    lambda a, s=score: int(a.answer_score) == s
                )[:1]
                line_vals.append(
                    {
                        "user_input_id": user_input.id,
                        "question_id": question.id,
                        "answer_type": "suggestion",
                        "suggested_answer_id": choice.id,
                    }
                )
            text = rng.choice(COMMENTS)
            if comment and text:
                line_vals.append(
                    {
                        "user_input_id": user_input.id,
                        "question_id": comment.id,
                        "answer_type": "text_box",
                        "value_text_box": text,
                    }
                )
        self.env["survey.user_input.line"].create(line_vals)
        answered.write({"start_datetime": fields.Datetime.now() - timedelta(days=5)})
        answered._mark_done()
