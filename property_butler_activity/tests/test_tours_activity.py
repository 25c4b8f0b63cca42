import shutil

from odoo.tests import HttpCase, tagged

from .common import ActivityCase


@tagged("post_install", "-at_install")
class TestActivityTours(HttpCase, ActivityCase):
    """A resident, in Chinese, signs up for the estate's Mid-Autumn evening from the portal."""

    def test_resident_signs_up(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        activity = self._activity(seats_limited=True, seats_max=30)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.resident.lang = "zh_CN"
        self.start_tour("/my", "property_activity_signup", login=self.resident.login)
        registration = self.env["event.registration"].search([("event_id", "=", activity.id)])
        self.assertEqual(registration.partner_id, self.owner)
        self.assertEqual(registration.unit_id, self.unit)
        self.assertEqual(registration.property_party_size, 3)
        self.assertEqual(registration.state, "open")
