import shutil

from odoo import Command
from odoo.tests import HttpCase, tagged

from .test_equipment import EquipmentCase


@tagged("post_install", "-at_install")
class TestEquipmentTours(HttpCase, EquipmentCase):
    """An engineer, in Chinese, reads the fire panel's history and plans its maintenance."""

    def test_engineer_reads_history_and_plans_maintenance(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.round.with_user(self.guard).check_in(
            self.control_room.sudo().qr_token,
            answers={self.fire_panel.id: (False, "Fault light"), self.cctv.id: (True, "")},
        )
        self.assertEqual(len(self.panel.maintenance_ids), 1)
        # An engineer: findings of the engineering department are theirs to read.
        self.engineering.member_ids = [Command.link(self.staff.id)]
        self.env["res.lang"]._activate_lang("zh_CN")
        self.staff.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-property_butler_maintenance.maintenance_equipment_action",
            "property_equipment_history",
            login=self.staff.login,
        )
        self.env.invalidate_all()  # the tour wrote through the test's cursor
        plan = self.panel.maintenance_ids.filtered(lambda r: r.name == "消防主机月度保养")
        self.assertTrue(plan, self.panel.maintenance_ids.mapped("name"))
        self.assertEqual(plan.maintenance_type, "preventive")
        self.assertTrue(plan.recurring_maintenance)
        self.assertEqual((plan.repeat_interval, plan.repeat_unit), (1, "month"))
        self.assertEqual(self.panel.preventive_plan_count, 1)
        self.assertEqual(self.panel.name, "Fire alarm panel")
