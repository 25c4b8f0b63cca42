import shutil

from odoo.tests import HttpCase, tagged

from .common import SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyTours(HttpCase, SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(name="Autumn survey")
        cls.campaign.action_launch()
        cls.inv = {i.unit_id: i for i in cls.campaign.invitation_ids}

    def setUp(self):
        super().setUp()
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")

    def test_manager_reads_results_and_launches(self):
        self._answer(self.inv[self.unit], 5, 5)
        self._answer(self.inv[self.unit_b], 4, 2)
        self.start_tour(
            "/odoo/action-property_butler_survey.property_survey_campaign_action",
            "property_survey_campaign",
            login=self.manager.login,
        )
        spring = self.env["property.survey.campaign"].search([("name", "=", "Spring survey")])
        self.assertEqual(spring.state, "running")
        self.assertEqual(spring.invitation_ids.unit_id, self.unit | self.unit_b)

    def test_resident_opens_survey_from_portal(self):
        self._residents()
        self.start_tour("/my", "property_survey_portal", login=self.resident.login)
        self.assertEqual(self.inv[self.unit].partner_id, self.resident.partner_id)
