import math

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyCampaign(SurveyCase):
    def test_launch_invites_each_household_once(self):
        campaign = self._campaign()
        campaign.action_launch()
        self.assertEqual(campaign.state, "running")
        invitations = campaign.invitation_ids
        # 3-2-1501 has nobody: no household to ask.
        self.assertEqual(invitations.unit_id, self.unit | self.unit_b)
        mine = invitations.filtered(lambda i: i.unit_id == self.unit)
        self.assertEqual(mine.partner_id, self.owner)
        self.assertEqual(mine.grid_id, self.grid)
        self.assertEqual(mine.butler_id, self.butler)
        user_input = mine.user_input_id
        self.assertEqual(user_input.survey_id, self.survey)
        self.assertEqual(user_input.partner_id, self.owner)
        self.assertEqual(
            (
                user_input.property_unit_id,
                user_input.property_grid_id,
                user_input.property_butler_id,
            ),
            (self.unit, self.grid, self.butler),
        )
        self.assertEqual(mine.state, "new")
        # Drawing again invites nobody twice.
        campaign.action_draw_sample()
        self.assertEqual(campaign.invitation_ids, invitations)
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("property_campaign_id", "=", campaign.id)]
            ),
            2,
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["property.survey.invitation"].create(
                {
                    "campaign_id": campaign.id,
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "user_input_id": user_input.id,
                }
            )

    def test_invitation_mail(self):
        campaign = self._campaign()
        campaign.action_launch()
        mails = self.env["mail.mail"].search([("model", "=", "survey.user_input")])
        mine = campaign.invitation_ids.filtered(lambda i: i.unit_id == self.unit)
        mail = mails.filtered(lambda m: m.res_id == mine.user_input_id.id)
        self.assertEqual(len(mail), 1)
        self.assertIn("wang.fang@example.com", mail.email_to)
        self.assertIn(mine.user_input_id.access_token, str(mail.body_html))

    def test_sample_share_per_grid_deterministic(self):
        units = self._extra_units(9)
        partners = self.env["res.partner"].create([{"name": f"业主 {u.number}"} for u in units])
        for unit, partner in zip(units, partners, strict=True):
            self._billing_contact(unit, partner)
        campaign = self._campaign(sample_share=30.0)
        campaign.action_launch()
        by_grid = {
            grid: campaign.invitation_ids.filtered(lambda i, g=grid: i.grid_id == g)
            for grid in (self.grid, self.grid_b)
        }
        # 10 households in the butler's grid (3-2-1502 and the 9 new ones), 1 in butler2's.
        self.assertEqual(len(by_grid[self.grid]), math.ceil(10 * 0.3))
        self.assertEqual(len(by_grid[self.grid_b]), 1)
        expected = sorted(units | self.unit, key=campaign._sample_key)[:3]
        self.assertEqual(by_grid[self.grid].unit_id, self.env["property.unit"].union(*expected))
        # A larger share keeps the households already invited and adds the next ones.
        first = campaign.invitation_ids
        campaign.sample_share = 50.0
        campaign.action_draw_sample()
        self.assertEqual(len(campaign.invitation_ids), 5 + 1)
        self.assertLessEqual(first, campaign.invitation_ids)
        campaign.action_draw_sample()
        self.assertEqual(len(campaign.invitation_ids), 6)

    def test_rates_against_targets(self):
        self._billing_contact(self.unit2, self.member)
        campaign = self._campaign()
        campaign.action_launch()
        inv = {i.unit_id: i for i in campaign.invitation_ids}
        self.assertEqual(campaign.invitation_count, 3)
        self.assertEqual(campaign.target_result, "none")
        self._answer(inv[self.unit], 5, 5, comment="很好")
        self._answer(inv[self.unit_b], 4, 3)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.response_count, 2)
        self.assertAlmostEqual(campaign.response_rate, 200 / 3, places=2)
        # 3 of 4 items satisfied (scored 4 or 5): 75 %; butler service 100 %, cleaning 50 %.
        self.assertAlmostEqual(campaign.satisfaction_rate, 75.0)
        self.assertAlmostEqual(campaign.lowest_item_rate, 50.0)
        self.assertEqual(campaign.target_result, "fail")
        self.assertEqual(inv[self.unit_b].satisfaction_rate, 50.0)
        self.assertFalse(inv[self.unit_b].unsatisfied, "3 is neutral, not unsatisfied")
        self.assertIn("Cleaning", campaign.result_html)
        results = self.env["property.survey.result"]._read_group(
            [("campaign_id", "=", campaign.id)], ["question_id"], ["satisfaction_rate:avg"]
        )
        self.assertEqual(dict(results), {self.q_butler: 100.0, self.q_cleaning: 50.0})
        grids = self.env["property.survey.invitation"]._read_group(
            [("campaign_id", "=", campaign.id)], ["grid_id"], ["responded:avg"]
        )
        self.assertEqual(dict(grids), {self.grid: 50.0, self.grid_b: 100.0})
        # The third household answers satisfied: 5 of 6 items, cleaning 2 of 3.
        self._answer(inv[self.unit2], 5, 4)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.response_rate, 100.0)
        self.assertAlmostEqual(campaign.satisfaction_rate, 500 / 6)
        self.assertAlmostEqual(campaign.lowest_item_rate, 200 / 3)
        self.assertEqual(campaign.target_result, "fail")
        # The company's targets decide: 80 % on average, 60 % for every item.
        self.company.write(
            {"property_survey_satisfaction_target": 80, "property_survey_item_target": 60}
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.target_result, "pass")

    def test_unsatisfied_answer_gives_butler_activity(self):
        campaign = self._campaign()
        campaign.action_launch()
        inv = {i.unit_id: i for i in campaign.invitation_ids}
        self._answer(inv[self.unit], 5, 4)
        self.assertFalse(inv[self.unit].activity_ids)
        self._answer(inv[self.unit_b], 2, 5)
        neighbour = inv[self.unit_b]
        self.assertTrue(neighbour.unsatisfied)
        activity = neighbour.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.butler2, "the butler of the unit's grid")
        self.assertIn("Butler service", str(activity.note))
        self.assertIn("Dissatisfied", str(activity.note))
        self.assertEqual(campaign.unsatisfied_count, 1)
        # The company's threshold decides what is unsatisfied.
        self.company.property_survey_unsatisfied_score = 1
        other = self._campaign(name="second")
        other.action_launch()
        second = other.invitation_ids.filtered(lambda i: i.unit_id == self.unit_b)
        self._answer(second, 2, 5)
        self.assertFalse(second.unsatisfied)
        self.assertFalse(second.activity_ids)

    def test_grid_restriction(self):
        campaign = self._campaign()
        campaign.action_launch()
        inv = {i.unit_id: i for i in campaign.invitation_ids}
        self._answer(inv[self.unit], 5, 5)
        self._answer(inv[self.unit_b], 2, 2)
        self.company.property_grid_restricted = True
        Invitation = self.env["property.survey.invitation"]
        Result = self.env["property.survey.result"]
        self.assertEqual(Invitation.with_user(self.butler).search([]), inv[self.unit])
        self.assertEqual(Result.with_user(self.butler).search([]).grid_id, self.grid)
        mine = campaign.with_user(self.butler)
        self.assertEqual(mine.invitation_count, 1)
        self.assertEqual(mine.satisfaction_rate, 100.0)
        self.assertEqual(mine.target_result, "pass")
        with self.assertRaises(AccessError):
            inv[self.unit_b].with_user(self.butler).read(["partner_id"])
        supervisor = campaign.with_user(self.supervisor)
        self.assertEqual(supervisor.invitation_count, 2)
        self.assertEqual(supervisor.satisfaction_rate, 50.0)
        self.assertEqual(supervisor.target_result, "fail")
        # Unrestricted, the butler sees the whole campaign.
        self.company.property_grid_restricted = False
        self.env.invalidate_all()
        self.assertEqual(campaign.with_user(self.butler).invitation_count, 2)
        # Nobody but staff reads the answers: the butler has no access to survey answers.
        with self.assertRaises(AccessError):
            inv[self.unit].user_input_id.with_user(self.butler).read(["email"])

    def test_only_manager_launches(self):
        campaign = self._campaign()
        with self.assertRaises(UserError):
            campaign.with_user(self.supervisor).action_launch()
        with self.assertRaises(UserError):
            campaign.with_user(self.butler).action_launch()
        self.assertEqual(campaign.state, "draft")
        with self.assertRaises(UserError):
            campaign.action_draw_sample()

    def test_form(self):
        with Form(self.env["property.survey.campaign"].with_user(self.manager)) as form:
            form.name = "Spring survey"
            form.survey_id = self.survey
            form.project_ids.add(self.project)
            form.sample_share = 30
        campaign = form.record
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(campaign.company_id, self.company)
        self.assertEqual(campaign.satisfaction_target, 90.0)
        self.assertEqual(campaign.item_target, 85.0)

    def test_close_ends_open_answers(self):
        self.manager.tz = "Asia/Shanghai"
        campaign = self._campaign(date_end="2099-06-30")
        campaign.action_launch()
        mine = campaign.invitation_ids.filtered(lambda i: i.unit_id == self.unit)
        # The end of the last day in Shanghai (UTC+8) is 15:59:59 UTC.
        self.assertEqual(str(mine.user_input_id.deadline), "2099-06-30 15:59:59")
        self._answer(mine, 5, 5)
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        others = campaign.invitation_ids - mine
        self.assertLessEqual(others.user_input_id.deadline, fields.Datetime.now())
        self.assertEqual(str(mine.user_input_id.deadline), "2099-06-30 15:59:59")
