from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_butler_patrol.tests.common_patrol import PatrolPagesCase


class EquipmentCase(PatrolPagesCase):
    """The fire panel of the control room (a checkpoint of building 1) and a lift of
    building 1, in the patrol estate of the tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The engineering department's staff are Maintenance's equipment managers.
        cls.staff.groups_id |= cls.env.ref("maintenance.group_equipment_manager")
        cls.team = cls.env.ref("property_butler_maintenance.maintenance_team_engineering")
        Equipment = cls.env["maintenance.equipment"]
        cls.panel = Equipment.create(
            {
                "name": "Fire alarm panel",
                "category_id": cls.env.ref(
                    "property_butler_maintenance.maintenance_equipment_category_fire"
                ).id,
                "property_project_id": cls.project.id,
                "property_building_id": cls.building.id,
                "property_checkpoint_id": cls.control_room.id,
                "maintenance_team_id": cls.team.id,
            }
        )
        cls.lift = Equipment.create(
            {
                "name": "Lift A",
                "property_project_id": cls.project.id,
                "property_building_id": cls.building.id,
            }
        )
        cls.fire_panel.equipment_id = cls.panel
        cls.project2 = cls.env["property.project"].create({"name": "Harbour View", "code": "HV"})
        cls.building2 = cls.env["property.building"].create(
            {"name": "Tower 1", "code": "T1", "project_id": cls.project2.id}
        )


@tagged("post_install", "-at_install")
class TestEquipmentLocation(EquipmentCase):
    def test_location_must_agree(self):
        with self.assertRaisesRegex(ValidationError, "is not in project"):
            self.lift.property_building_id = self.building2
        with self.assertRaisesRegex(ValidationError, "checkpoint .* is not in project"):
            self.lift.write(
                {
                    "property_project_id": self.project2.id,
                    "property_building_id": self.building2.id,
                    "property_checkpoint_id": self.control_room.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "in another building"):
            self.lift.write(
                {
                    "property_project_id": self.project.id,
                    "property_building_id": self.building_b.id,
                    "property_checkpoint_id": self.control_room.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "choose the project"):
            self.env["maintenance.equipment"].create(
                {"name": "Pump", "property_building_id": self.building.id}
            )

    def test_new_form_offers_choices_and_fills_the_project(self):
        Equipment = self.env["maintenance.equipment"].with_user(self.staff)
        form = Form(Equipment)
        form.name = "Domestic water pump"
        # Before a project is chosen, the domains still offer the estate's places.
        for field, expected in (
            ("property_building_id", self.building | self.building2),
            ("property_checkpoint_id", self.control_room | self.gate),
        ):
            domain = safe_eval(
                Equipment._fields[field].domain,
                {"property_project_id": False, "property_building_id": False},
            )
            found = self.env[Equipment._fields[field].comodel_name].search(domain)
            self.assertGreaterEqual(found, expected, field)
        form.property_checkpoint_id = self.control_room
        self.assertEqual(form.property_project_id, self.project)
        self.assertEqual(form.property_building_id, self.building)
        self.assertEqual(form.company_id, self.project.company_id)
        pump = form.save()
        self.assertEqual(pump.property_checkpoint_id, self.control_room)
        self.assertIn(pump, self.control_room.equipment_ids)


@tagged("post_install", "-at_install")
class TestFindingsRaiseRequests(EquipmentCase):
    def test_failed_check_raises_one_request_linked_both_ways(self):
        checkin = self.round.with_user(self.guard).check_in(
            self.control_room.sudo().qr_token,
            answers={
                self.fire_panel.id: (False, "Fault light on zone 4"),
                self.cctv.id: (False, "Screen 3 black"),
            },
        )
        findings = checkin.sudo().ticket_ids
        self.assertEqual(len(findings), 2)
        finding = findings.filtered("equipment_id")
        self.assertEqual(finding.equipment_id, self.panel)
        self.assertIn("Fire panel", finding.title)
        request = finding.maintenance_request_id
        self.assertTrue(request)
        self.assertEqual(request.property_ticket_id, finding)
        self.assertEqual(request.equipment_id, self.panel)
        self.assertEqual(request.maintenance_type, "corrective")
        self.assertEqual(request.maintenance_team_id, self.team)
        self.assertFalse((findings - finding).maintenance_request_id, "the CCTV has no equipment")
        self.assertEqual(self.panel.property_ticket_count, 1)
        action = self.panel.action_view_property_tickets()
        self.assertEqual(self.env["property.ticket"].search(action["domain"]), finding)
        # Once: naming the equipment again, or another, raises no second request.
        finding.write({"equipment_id": self.panel.id})
        finding.write({"equipment_id": self.lift.id})
        requests = self.env["maintenance.request"].search([("property_ticket_id", "=", finding.id)])
        self.assertEqual(requests, request)
        self.assertEqual(self.panel.maintenance_ids, request)
        self.assertFalse(self.lift.maintenance_ids)

    def test_problem_remark_names_the_checkpoints_only_equipment(self):
        self.lift.property_checkpoint_id = self.gate.id
        self.gate.building_id = self.building
        checkin = self.round.with_user(self.guard).check_in(
            self.gate.sudo().qr_token, remark="Gate barrier stuck open", is_problem=True
        )
        finding = checkin.sudo().ticket_ids
        self.assertEqual(finding.equipment_id, self.lift)
        self.assertEqual(finding.maintenance_request_id.equipment_id, self.lift)

    def test_department_names_the_equipment_of_a_finding(self):
        finding_type = self.env.ref("property_butler_ticket.property_ticket_type_finding")
        ticket = self.env["property.ticket"].create(
            {
                "ticket_type_id": finding_type.id,
                "title": "Lift A noisy",
                "description": "<p>Grinding noise</p>",
                "project_id": self.project.id,
                "department_id": self.engineering.id,
            }
        )
        self.assertFalse(ticket.maintenance_request_id)
        self.engineering.member_ids = [Command.link(self.staff.id)]
        ticket.with_user(self.staff).equipment_id = self.lift
        self.assertEqual(ticket.maintenance_request_id.equipment_id, self.lift)
        self.assertEqual(ticket.maintenance_request_id.name, "Lift A noisy")

    def test_inspection_problem_on_equipment_raises_a_request(self):
        template = self.env.ref("property_butler_patrol.property_inspection_template_cluster_daily")
        inspection = self.env["property.inspection"].create(
            {
                "template_id": template.id,
                "project_id": self.project.id,
                "cluster_id": self.cluster.id,
            }
        )
        inspection.line_ids.write({"result": "ok"})
        broken = inspection.line_ids.filtered(lambda line: line.category == "engineering")[:1]
        broken.write({"result": "problem", "note": "Lift A stuck", "equipment_id": self.lift.id})
        inspection.action_done()
        request = broken.ticket_id.maintenance_request_id
        self.assertEqual(request.equipment_id, self.lift)
        self.assertEqual(request.property_ticket_id, broken.ticket_id)

    def test_equipment_of_another_company_refused(self):
        other = self.env["res.company"].create({"name": "Other Property Co"})
        pump = self.env["maintenance.equipment"].create({"name": "Pump", "company_id": other.id})
        template = self.env.ref("property_butler_patrol.property_inspection_template_cluster_daily")
        inspection = self.env["property.inspection"].create(
            {
                "template_id": template.id,
                "project_id": self.project.id,
                "cluster_id": self.cluster.id,
            }
        )
        with self.assertRefused(ValidationError, "another company than inspection"):
            inspection.line_ids[:1].equipment_id = pump
        item = self.control_room.checklist_item_ids[:1] or self.env[
            "property.checklist.item"
        ].create({"checkpoint_id": self.control_room.id, "name": "Panel lights"})
        with self.assertRefused(ValidationError, "another company than checkpoint"):
            item.equipment_id = pump


@tagged("post_install", "-at_install")
class TestPreventivePlans(EquipmentCase):
    def test_done_request_schedules_the_next_by_maintenance(self):
        action = self.lift.with_user(self.staff).action_plan_preventive_maintenance()
        Request = (
            self.env["maintenance.request"].with_user(self.staff).with_context(**action["context"])
        )
        form = Form(Request)
        form.schedule_date = datetime(2026, 12, 1, 2, 0)
        form.repeat_interval = 1
        plan = form.save()
        self.assertEqual(plan.maintenance_type, "preventive")
        self.assertTrue(plan.recurring_maintenance)
        self.assertEqual(plan.repeat_unit, "month")
        self.assertEqual(self.lift.preventive_plan_count, 1)
        done = self.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        plan.stage_id = done
        following = self.env["maintenance.request"].search(
            [("equipment_id", "=", self.lift.id), ("id", "!=", plan.id)]
        )
        self.assertEqual(len(following), 1)
        self.assertEqual(following.schedule_date, datetime(2027, 1, 1, 2, 0))
        self.assertEqual(following.maintenance_type, "preventive")
        self.assertFalse(following.stage_id.done)
        self.lift.invalidate_recordset(["preventive_plan_count"])
        self.assertEqual(self.lift.preventive_plan_count, 1, "the plan goes on in its next request")
        calendar = self.env.ref("property_butler_maintenance.maintenance_request_action_calendar")
        self.assertIn(following, self.env["maintenance.request"].search(safe_eval(calendar.domain)))


@tagged("post_install", "-at_install")
class TestEquipmentAccess(EquipmentCase):
    def test_engineering_and_supervisors_manage_guards_report(self):
        for user in (self.staff, self.supervisor, self.manager):
            Equipment = self.env["maintenance.equipment"].with_user(user)
            pump = Equipment.create(
                {"name": f"Pump of {user.login}", "property_project_id": self.project.id}
            )
            pump.property_building_id = self.building
            request = (
                self.env["maintenance.request"]
                .with_user(user)
                .create({"name": "Check the pump", "equipment_id": pump.id})
            )
            request.stage_id = self.env.ref("maintenance.stage_1")
            self.assertIn(
                self.lift, Equipment.search([("property_project_id", "=", self.project.id)])
            )
        for user in (self.guard, self.butler, self.front_desk):
            Equipment = self.env["maintenance.equipment"].with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                Equipment.create({"name": "Pump", "property_project_id": self.project.id})
            with self.assertRaises(AccessError, msg=user.login):
                self.lift.with_user(user).name = "Renamed"
            self.assertFalse(Equipment.search([("id", "=", self.lift.id)]), user.login)
        # The guard still reports a finding on the equipment, which raises its request.
        checkin = self.round.with_user(self.guard).check_in(
            self.control_room.sudo().qr_token,
            answers={self.fire_panel.id: (False, "Alarm"), self.cctv.id: (True, "")},
        )
        self.assertEqual(checkin.sudo().ticket_ids.maintenance_request_id.equipment_id, self.panel)
        with self.assertRaises(AccessError):
            self.panel.with_user(self.guard).write({"property_checkpoint_id": False})

    def test_forms_load_for_each_role(self):
        for user in (self.guard, self.butler, self.staff, self.supervisor):
            for model in ("property.checkpoint", "property.ticket", "property.inspection"):
                if not self.env[model].with_user(user).has_access("read"):
                    continue
                arch = self.env[model].with_user(user).get_views([(False, "form")])
                self.assertIn(model, arch["models"], (user.login, model))
            # The checkpoint as each role sees it opens without an error.
            Form(self.control_room.with_user(user))
        self.assertIn(self.panel, self.control_room.with_user(self.supervisor).equipment_ids)
        ticket_form = self.env["property.ticket"].with_user(self.staff).get_views([(False, "form")])
        self.assertIn('name="equipment_id"', ticket_form["views"]["form"]["arch"])
        guard_form = self.env["property.ticket"].with_user(self.guard).get_views([(False, "form")])
        self.assertNotIn('name="equipment_id"', guard_form["views"]["form"]["arch"])

    def test_menus_actions_load_for_engineering(self):
        ref = self.env.ref
        for xmlid in (
            "maintenance_equipment_menu",
            "maintenance_request_menu",
            "maintenance_request_menu_preventive",
            "maintenance_request_menu_calendar",
            "maintenance_equipment_menu_maintenance",
        ):
            menu = ref(f"property_butler_maintenance.{xmlid}")
            visible = self.env["ir.ui.menu"].with_user(self.staff).search([("id", "=", menu.id)])
            self.assertEqual(visible, menu, xmlid)
            self.assertFalse(
                self.env["ir.ui.menu"].with_user(self.guard).search([("id", "=", menu.id)]), xmlid
            )
            action = menu.action.sudo()
            Model = self.env[action.res_model].with_user(self.staff)
            modes = action.view_mode.split(",")
            views = Model.get_views([(False, mode) for mode in modes])
            self.assertEqual(set(views["views"]), set(modes), xmlid)
            Model.search(safe_eval(action.domain or "[]"), limit=1)
        calendar = ref("property_butler_maintenance.maintenance_request_action_calendar")
        self.assertEqual(calendar.view_id, ref("maintenance.hr_equipment_view_calendar"))

    def test_resident_ticket_text_stays_on_the_ticket(self):
        repair = self.env.ref("property_butler_ticket.property_ticket_type_repair")
        ticket = self.env["property.ticket"].create(
            {
                "ticket_type_id": repair.id,
                "title": "Lift door slow, call 13900139000",
                "description": "<p>Call me on 13800138000</p>",
                "project_id": self.project.id,
                "unit_id": self.unit.id,
                "equipment_id": self.lift.id,
            }
        )
        request = ticket.maintenance_request_id
        self.assertEqual(request.equipment_id, self.lift)
        self.assertNotIn("13800138000", str(request.description))
        self.assertIn(ticket.name, str(request.description))
        # Nor its title: the request is named after the ticket's number and the equipment.
        self.assertNotIn("13900139000", request.name + str(request.description))
        self.assertEqual(request.name, f"{ticket.name} · {self.lift.name}")

    def test_other_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Other Property Co"})
        outsider = self._user("pb_other_staff", "department_staff", company=other)
        self.assertFalse(
            self.env["maintenance.equipment"]
            .with_user(outsider)
            .search([("id", "=", self.lift.id)])
        )
        with self.assertRaises(AccessError):
            self.lift.with_user(outsider).read(["name"])
        # The supervisors keep the register; the staff of other departments (cleaning,
        # greening) and the guards do not.
        manager = "maintenance.group_equipment_manager"
        cleaner = self._user("pb_cleaner", "department_staff")
        self.assertTrue(self.supervisor.has_group(manager))
        self.assertFalse(cleaner.has_group(manager))
        self.assertFalse(self.guard.has_group(manager))
        self.assertFalse(
            self.env["ir.ui.menu"]
            .with_user(cleaner)
            .search(
                [
                    (
                        "id",
                        "=",
                        self.env.ref("property_butler_maintenance.maintenance_equipment_menu").id,
                    )
                ]
            )
        )
