import shutil

from odoo.tests import HttpCase, tagged

from .common_visitor import VisitorCase


@tagged("post_install", "-at_install")
class TestVisitorTours(HttpCase, VisitorCase):
    """The front desk registers a walk-in visitor and records the entry and the exit; a
    resident registers a visitor on the portal (in Chinese) and changes the pass."""

    def test_front_desk_registers_a_walk_in_visitor(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.start_tour(
            "/odoo/action-property_butler_visitor.property_visitor_pass_action",
            "property_visitor_walk_in",
            login=self.front_desk.login,
        )
        visit_pass = self.env["property.visitor.pass"].search([("name", "=", "Zhao Lei")])
        self.assertTrue(visit_pass.walk_in)
        self.assertTrue(visit_pass.host_confirmed)
        self.assertEqual(visit_pass.unit_id, self.unit)
        self.assertEqual(len(visit_pass.log_ids), 1)
        self.assertTrue(visit_pass.log_ids.entry_time)
        self.assertTrue(visit_pass.log_ids.exit_time)
        self.assertEqual(visit_pass.log_ids.entry_user_id, self.front_desk)

    def test_resident_registers_and_changes_a_pass(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.resident.lang = "zh_CN"
        self.start_tour("/my/visitors", "property_visitor_portal", login=self.resident.login)
        visit_pass = self.env["property.visitor.pass"].search([("name", "=", "王小明")])
        self.assertEqual(visit_pass.host_partner_id, self.resident.partner_id)
        self.assertEqual(visit_pass.vehicle_plate, "粤A·88888")
        self.assertEqual(visit_pass.visitor_phone, "13700000002")
        self.assertEqual(visit_pass.unit_id, self.unit)
