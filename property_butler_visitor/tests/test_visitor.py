from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_visitor import NOW, VisitorCase


@tagged("post_install", "-at_install")
class TestVisitor(VisitorCase):
    def test_token_and_short_code_are_unguessable_and_unique(self):
        tokens = {self.visit_pass.sudo().token, self.neighbour_pass.sudo().token}
        self.assertEqual(len(tokens), 2)
        self.assertTrue(all(len(token) >= 32 for token in tokens))
        self.assertEqual(len(self.visit_pass.short_code), 8)
        self.assertNotEqual(self.visit_pass.short_code, self.neighbour_pass.short_code)
        # Staff never read the token.
        with self.assertRaises(AccessError):
            self.visit_pass.with_user(self.guard).read(["token"])

    @freeze_time(NOW)
    def test_guard_checks_in_and_out_by_token_and_short_code(self):
        Pass = self.Pass.with_user(self.guard)
        found = Pass._find_pass(self.visit_pass.sudo().token)
        self.assertEqual(found, self.visit_pass)
        self.assertEqual(found.state, "valid")
        self.assertEqual(Pass._find_pass(self.visit_pass.short_code.lower()), self.visit_pass)
        found.action_check_in()
        self.assertTrue(found.inside)
        with self.assertRaisesRegex(UserError, "already inside"):
            found.action_check_in()
        found.action_check_out()
        log = self.visit_pass.log_ids
        self.assertEqual(log.entry_time, NOW)
        self.assertEqual(log.exit_time, NOW)
        self.assertEqual(log.entry_user_id, self.guard)
        self.assertEqual(log.vehicle_plate, "粤A·3K721")
        self.assertTrue(log.has_vehicle)
        # A one-off pass is used once.
        with self.assertRaisesRegex(UserError, "already used"):
            found.action_check_in()

    def test_pass_expires_with_its_window(self):
        Pass = self.Pass.with_user(self.front_desk)
        with freeze_time(datetime(2026, 3, 10, 13, 0)):
            found = Pass._find_pass(self.visit_pass.short_code)
            self.assertEqual(found.state, "expired")
            with self.assertRaisesRegex(UserError, "expired"):
                found.action_check_in()
        with freeze_time(datetime(2026, 3, 9, 13, 0)):
            found.invalidate_recordset()
            self.assertEqual(found.state, "upcoming")
            with self.assertRaisesRegex(UserError, "not valid yet"):
                found.action_check_in()
        with freeze_time(NOW):
            self.visit_pass.action_revoke()
            found.invalidate_recordset()
            with self.assertRaisesRegex(UserError, "revoked"):
                found.action_check_in()

    def test_only_gate_staff_of_the_project_validate(self):
        token = self.visit_pass.sudo().token
        # A guard of another company does not find the pass.
        with self.assertRaisesRegex(UserError, "another estate"):
            self.Pass.with_user(self.other_guard)._find_pass(token)
        # Residents, department staff and the public cannot validate or check in.
        public = self.env.ref("base.public_user")
        for user in (self.resident, self.staff, public):
            with self.assertRaises(AccessError):
                self.Pass.with_user(user)._find_pass(token)
        with self.assertRaises(AccessError):
            self.visit_pass.with_user(self.resident).action_check_in()
        # A wrong or guessed code is refused.
        with self.assertRaisesRegex(UserError, "No pass"):
            self.Pass.with_user(self.guard)._find_pass("ZZZZZZZZ")
        with self.assertRaisesRegex(UserError, "No pass"):
            self.Pass.with_user(self.guard)._find_pass("x" * 32)

    def test_residents_see_only_their_own_passes(self):
        Pass = self.Pass.with_user(self.resident)
        self.assertEqual(Pass.search([]), self.visit_pass)
        with self.assertRaises(AccessError):
            self.neighbour_pass.with_user(self.resident).read(["name"])
        with self.assertRaises(AccessError):
            Pass.create({"name": "x", "project_id": self.project.id, "date_end": NOW})

    def test_walk_in_needs_host_confirmed_by_phone(self):
        with self.assertRaisesRegex(ValidationError, "by phone"):
            self.Pass.with_user(self.front_desk).create(
                {
                    "name": "Zhao Lei",
                    "project_id": self.project.id,
                    "unit_id": self.unit.id,
                    "walk_in": True,
                    "date_start": NOW,
                    "date_end": datetime(2026, 3, 10, 5, 0),
                }
            )
        with self.assertRaisesRegex(ValidationError, "end after"):
            self.Pass.create(
                {"name": "x", "project_id": self.project.id, "date_start": NOW, "date_end": NOW}
            )

    def test_new_forms_with_empty_values(self):
        """Every New form computes with its fields still empty (no datetime > False)."""
        # Guards open notes (no New button: they cannot create them).
        self.assertEqual(
            Form(self.env["property.goods.release"].with_user(self.guard)).state, "requested"
        )
        for user in (self.front_desk, self.supervisor):
            with Form(self.env["property.goods.release"].with_user(user)) as form:
                self.assertEqual(form.state, "requested")
                form.project_id = self.project
                form.unit_id = self.unit
                form.items = "Sofa"
            self.assertTrue(form.record.name.startswith("FX"))
        form = Form(self.Pass.with_user(self.front_desk))
        form.date_start = False
        form.date_end = False
        self.assertEqual(form.state, "valid")
        form.name = "Huang Min"
        form.project_id = self.project
        form.unit_id = self.unit
        form.date_start = NOW
        self.assertTrue(form.date_end)
        form.walk_in = True
        form.host_confirmed = True
        visit_pass = form.save()
        self.assertTrue(visit_pass.walk_in)

    def test_goods_release_approved_then_checked_by_the_guard(self):
        note = self.env["property.goods.release"].create(
            {
                "project_id": self.project.id,
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "items": "Sofa",
            }
        )
        with self.assertRaisesRegex(UserError, "approved"):
            note.with_user(self.guard).action_check()
        note.with_user(self.front_desk).action_approve()
        self.assertEqual(note.approved_by_id, self.front_desk)
        with self.assertRaises(AccessError):
            note.with_user(self.other_guard).action_check()
        with freeze_time(NOW):
            note.with_user(self.guard).action_check()
        self.assertEqual(
            (note.state, note.checked_by_id, note.checked_time), ("checked", self.guard, NOW)
        )
        with self.assertRaises(AccessError):
            note.with_user(self.neighbour).read(["items"])
        self.assertEqual(
            self.env["property.goods.release"].with_user(self.resident).search([]), note
        )

    @freeze_time(NOW)
    def test_registers_print_per_day(self):
        self.visit_pass.with_user(self.guard).action_check_in()
        html = self._render_html(
            "property_butler_visitor.property_visitor_log_report_register_action",
            self.visit_pass.log_ids,
            user=self.front_desk,
        )
        self.assertIn("外來人員出入登記表", html)
        self.assertIn("Liu Yang", html)
        self.assertIn("10:00", html)
        self.assertReportFont(html)
        html = self._render_html(
            "property_butler_visitor.property_visitor_log_report_vehicle_action",
            self.visit_pass.log_ids,
            user=self.guard,
        )
        self.assertIn("車輛出入登記表", html)
        self.assertIn("粤A·3K721", html)
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_visitor.property_visitor_log_report_register_action",
                self.visit_pass.log_ids,
                user=self.resident,
            )
        note = self.env["property.goods.release"].create(
            {"project_id": self.project.id, "unit_id": self.unit.id, "items": "Boxes"}
        )
        html = self._render_html(
            "property_butler_visitor.property_goods_release_report_register_action",
            note,
            user=self.front_desk,
        )
        self.assertIn("物品出入登記表", html)
        self.assertIn("Boxes", html)
        # The guard prints it too, without the resident's name (guards read no residents).
        note.partner_id = self.resident.partner_id
        self.env.invalidate_all()
        html = self._render_html(
            "property_butler_visitor.property_goods_release_report_register_action",
            note,
            user=self.guard,
        )
        self.assertIn("Boxes", html)
        self.assertNotIn(self.resident.partner_id.name, html)
        self.env.invalidate_all()
        html = self._render_html(
            "property_butler_visitor.property_goods_release_report_register_action",
            note,
            user=self.front_desk,
        )
        self.assertIn(self.resident.partner_id.name, html)

    @freeze_time(NOW)
    def test_cluster_inspection_item_opens_the_logs(self):
        self.visit_pass.with_user(self.guard).action_check_in()
        template = self.env.ref("property_butler_patrol.property_inspection_template_cluster_daily")
        item = self.env.ref(
            "property_butler_patrol.property_inspection_template_item_cluster_daily_4"
        )
        inspection = self.env["property.inspection"].create(
            {
                "template_id": template.id,
                "project_id": self.project.id,
                "cluster_id": self.cluster.id,
                "user_id": self.butler.id,
                "date_planned": "2026-03-10",
            }
        )
        line = inspection.line_ids.filtered(lambda line: line.item_id == item)
        if not line:
            line = self.env["property.inspection.line"].create(
                {
                    "inspection_id": inspection.id,
                    "item_id": item.id,
                    "category": item.category,
                    "name": item.name,
                }
            )
        self.assertTrue(line.is_visitor_log_item)
        action = line.with_user(self.butler).action_open_visitor_logs()
        logs = self.env["property.visitor.log"].with_user(self.butler).search(action["domain"])
        self.assertEqual(logs, self.visit_pass.log_ids)
