import shutil
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .test_decoration import DecorationCase


@tagged("post_install", "-at_install")
class TestDecorationTours(HttpCase, DecorationCase):
    """A guard (in Chinese) records a decoration check in which a pass is confiscated."""

    def test_guard_records_a_check_and_confiscates_a_pass(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        guard = self._user("pb_deco_tour_guard", "patrol_guard", lang="zh_CN")
        today = fields.Date.context_today(self.env.user)
        permit = self._permit(start=today - timedelta(days=1), end=today + timedelta(days=30))
        permit.action_approve()
        permit.worker_ids.pass_expiry = today + timedelta(days=30)
        check = self.Check.create(
            {
                "permit_id": permit.id,
                "date_planned": fields.Datetime.now().replace(second=7, microsecond=0)
                - timedelta(minutes=10),
                "guard_id": guard.id,
            }
        )
        self.start_tour(
            f"/odoo/action-property_butler_decoration.property_decoration_check_action/{check.id}",
            "property_decoration_check",
            login=guard.login,
        )
        zhang = permit.worker_ids.filtered(lambda w: w.pass_number == "P-001")
        self.assertEqual(check.state, "done")
        self.assertEqual(check.guard_id, guard)
        self.assertTrue(check.work_in_progress)
        self.assertEqual(check.confiscated_worker_ids, zhang)
        self.assertFalse(zhang.pass_active)
        self.assertTrue(permit.activity_ids.filtered(lambda a: a.summary and "没收" in a.summary))
