import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestVisitTours(HttpCase, PropertyButlerCase):
    """A butler, in Chinese, logs a visit from his home and turns its question into a ticket."""

    def test_butler_logs_a_visit_from_home(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self._two_grids_billed()
        self.env["res.lang"]._activate_lang("zh_CN")
        self.butler.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-property_butler.property_home_action",
            "property_visit_log",
            login=self.butler.login,
        )
        visit = self.env["property.visit"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.user_id, self.butler)
        self.assertEqual(visit.needs, "电梯按钮失灵，希望尽快修理")
        self.assertEqual(
            visit.ticket_ids.ticket_type_id,
            self.env.ref("property_butler_ticket.property_ticket_type_repair"),
        )
        self.assertEqual(visit.ticket_ids.channel, "butler_visit")
        self.assertEqual(visit.state, "follow_up", "waits for the ticket")
