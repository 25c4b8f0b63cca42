import shutil

from odoo.tests import HttpCase, tagged

from .common_patrol import PatrolPagesCase


@tagged("post_install", "-at_install")
class TestPatrolTours(HttpCase, PatrolPagesCase):
    """A guard checks in at a checkpoint on his phone, in a real (headless) browser."""

    browser_size = "390x844"  # a phone
    touch_enabled = True

    def test_guard_checks_in_on_the_phone_page(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.start_tour(
            f"/property/checkin/{self.control_room.qr_token}",
            "property_patrol_checkin",
            login=self.guard.login,
        )
        checkin = self.env["property.patrol.checkin"].search([("round_id", "=", self.round.id)])
        self.assertEqual(checkin.checkpoint_id, self.control_room)
        self.assertEqual(checkin.guard_id, self.guard)
        self.assertEqual(checkin.remark, "Door was unlocked, locked it.")
        self.assertEqual(
            {answer.item_id: (answer.ok, answer.note) for answer in checkin.answer_ids},
            {self.fire_panel: (False, "Fault light on zone 4"), self.cctv: (True, False)},
        )
        self.assertEqual(checkin.ticket_ids.department_id, self.engineering)
        self.assertIn("Fire panel without alarm", checkin.ticket_ids.title)
        self.assertEqual(self.round.state, "in_progress")
        self.assertTrue(checkin.sudo().client_ip, "the request's address is recorded")
