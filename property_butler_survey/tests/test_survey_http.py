from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common import SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyPortal(PropertyHttpCase, SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._residents()
        cls.campaign = cls._campaign(name="2026 住户满意度调查")
        cls.campaign.action_launch()
        invitations = {i.unit_id: i for i in cls.campaign.invitation_ids}
        cls.mine = invitations[cls.unit]
        cls.theirs = invitations[cls.unit_b]

    def test_portal_lists_own_invitations(self):
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("Surveys", home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_survey_count"]}
        )
        self.assertEqual(counters["property_survey_count"], 1)
        page = self.url_open("/my/surveys")
        self.assertEqual(page.status_code, 200)
        self.assertIn("2026 住户满意度调查", page.text)
        self.assertIn(f"/my/surveys/{self.mine.id}", page.text)
        self.assertNotIn(f"/my/surveys/{self.theirs.id}", page.text)
        self.assertNotIn(self.theirs.user_input_id.access_token, page.text)
        self.assertNotIn("3-5-301", page.text)
        opened = self.url_open(f"/my/surveys/{self.mine.id}", allow_redirects=False)
        self.assertEqual(opened.status_code, 303)
        self.assertIn(
            f"/survey/start/{self.survey.access_token}?answer_token="
            f"{self.mine.user_input_id.access_token}",
            opened.headers["Location"],
        )
        start = self.url_open(opened.headers["Location"])
        self.assertIn("Satisfaction 2026", start.text)

    def test_resident_cannot_open_another_invitation(self):
        self._login(self.neighbour)
        response = self.url_open(f"/my/surveys/{self.mine.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/surveys"))
        page = self.url_open("/my/surveys")
        self.assertNotIn(f"/my/surveys/{self.mine.id}", page.text)
        self.assertNotIn("3-2-1502", page.text)
        # Even with the other household's token, the survey refuses another logged-in resident.
        stolen = self.url_open(self.mine.user_input_id.get_start_url())
        self.assertNotIn("Butler service", stolen.text)
        self.assertEqual(self.mine.user_input_id.state, "new")

    def test_answered_and_closed_invitations_are_not_open(self):
        self._answer(self.mine, 5, 5)
        self._login(self.resident)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_survey_count"]}
        )
        self.assertEqual(counters["property_survey_count"], 0)
        page = self.url_open("/my/surveys")
        self.assertIn("Answered, thank you", page.text)
        self.assertNotIn(f'href="/my/surveys/{self.mine.id}"', page.text)
        response = self.url_open(f"/my/surveys/{self.mine.id}", allow_redirects=False)
        self.assertTrue(response.headers["Location"].endswith("/my/surveys"))

    def test_staff_pages(self):
        self._login(self.butler)
        response = self.url_open("/my/surveys")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(f"/my/surveys/{self.mine.id}", response.text)

    def test_residents_read_no_survey_records(self):
        """Residents reach their invitations through the portal pages only: no campaign,
        invitation, answer or result is readable through the ORM by a portal user."""
        self._answer(self.theirs, 2, 2, comment="楼道不干净")
        for model in (
            "property.survey.campaign",
            "property.survey.invitation",
            "property.survey.result",
            "survey.user_input",
            "survey.user_input.line",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.resident).search_read([], ["display_name"])
