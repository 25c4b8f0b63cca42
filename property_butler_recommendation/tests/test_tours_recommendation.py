import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestRecommendationTours(HttpCase, PropertyButlerCase):
    """A butler, in Chinese, records a recommendation, the resident accepts, a ticket."""

    def test_butler_turns_an_accepted_recommendation_into_a_ticket(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self._two_grids_billed()
        self.env["res.lang"]._activate_lang("zh_CN")
        self.butler.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-property_butler_recommendation.property_service_recommendation_action_my",
            "property_recommendation_ticket",
            login=self.butler.login,
        )
        recommendation = self.env["property.service.recommendation"].search(
            [("unit_id", "=", self.unit.id)]
        )
        self.assertEqual(len(recommendation), 1)
        self.assertEqual(recommendation.user_id, self.butler)
        self.assertEqual(
            recommendation.offer_id,
            self.env.ref("property_butler_recommendation.property_service_offer_home_cleaning"),
        )
        self.assertEqual(recommendation.state, "accepted")
        self.assertTrue(recommendation.converted)
        ticket = recommendation.ticket_id
        self.assertEqual(ticket.recommendation_id, recommendation)
        self.assertEqual(ticket.kind, "service")
        self.assertEqual(ticket.line_ids.product_id.list_price, 180.0)
