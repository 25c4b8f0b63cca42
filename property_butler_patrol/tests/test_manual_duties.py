from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestManualDuties(PropertyButlerCase):
    """Who owes which inspection (S1 4.1-4.5) and the empty flats and key areas of the manual
    (S0 六, 3.4, 3.5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.internal = cls._user("pb_internal", "internal_affairs")
        cls.templates = {
            name: ref(f"property_butler_patrol.property_inspection_template_{name}")
            for name in (
                "cluster_daily",
                "morning_check",
                "manager_round",
                "supervisor_round",
                "internal_round",
                "manager_in_home",
                "internal_in_home",
                "front_desk_round",
            )
        }
        cls.vacant_template = ref("property_butler_patrol.property_inspection_template_vacant_unit")
        cls.night = ref("property_butler_patrol.property_patrol_shift_night")
        cls.day = ref("property_butler_patrol.property_patrol_shift_day")
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        # unit: vacant (owner lives elsewhere); unit2: lived in; unit_b: unsold.
        cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1), resides=False)
        cls.living = cls._occupy(cls.unit2, cls.other_owner, date_start=date(2024, 1, 1))

    def _mine(self, inspections):
        return inspections.filtered(lambda i: i.project_id == self.project)

    # ------------------------------------------------------------------
    # Duties by own role (S1 4.1-4.5)
    # ------------------------------------------------------------------
    def test_each_template_is_owed_by_its_own_role_only(self):
        owes = {
            "cluster_daily": self.butler | self.butler2,
            "morning_check": self.butler | self.butler2,
            "manager_round": self.manager,
            "supervisor_round": self.supervisor,
            "internal_round": self.internal,
            "manager_in_home": self.manager,
            "internal_in_home": self.internal,
            "front_desk_round": self.front_desk,
        }
        ours = self.manager | self.supervisor | self.butler | self.butler2
        ours |= self.internal | self.front_desk | self.guard | self.staff
        templates = self.env["property.inspection.template"].browse(
            [t.id for t in self.templates.values()]
        )
        status = templates._schedule_status(date(2026, 12, 3))
        for name, template in self.templates.items():
            inspectors = {user for (tmpl, user) in status if tmpl == template} & set(ours)
            self.assertEqual(inspectors, set(owes[name]), name)
        # Managers and supervisors hold the butler's role through theirs, yet owe no butler's
        # rounds; the manager holds the internal-affairs role (to see its work) without its rounds.
        self.assertTrue(self.manager.has_group("property_butler.property_butler_group_butler"))
        self.assertTrue(
            self.manager.has_group("property_butler.property_butler_group_internal_affairs")
        )
        Template = self.env["property.inspection.template"]
        for user in (self.manager, self.supervisor, self.butler, self.internal, self.front_desk):
            mine = Template.with_user(user).search([("my_duty", "=", True)]) & templates
            expected = {name for name, users in owes.items() if user in users}
            self.assertEqual({k for k, t in self.templates.items() if t in mine}, expected)
        self.assertFalse(Template.with_user(self.guard).search([("my_duty", "=", True)]))

    def test_missing_rounds_shipped_with_the_manuals_frequencies(self):
        group = "property_butler.property_butler_group_"
        expected = {
            # S1 4.1: the manager, in-home paid services twice a month.
            "manager_in_home": ("manager", 2, "month", "in_home"),
            # S1 4.3: internal affairs, public areas daily, in-home cleaning and plants 2×/week.
            "internal_round": ("internal_affairs", 1, "day", "public_area"),
            "internal_in_home": ("internal_affairs", 2, "week", "in_home"),
            # S1 4.5: the front desk's first-floor public area (no number in the manual: daily,
            # the front desk being in the lobby every day).
            "front_desk_round": ("front_desk", 1, "day", "public_area"),
        }
        for name, (role, count, period, kind) in expected.items():
            template = self.templates[name]
            self.assertEqual(template.inspector_group_id, self.env.ref(group + role), name)
            self.assertEqual((template.target_count, template.target_period), (count, period))
            self.assertEqual(template.kind, kind)
            self.assertGreaterEqual(len(template.item_ids), 5)
        categories = set(self.templates["internal_in_home"].item_ids.mapped("category"))
        self.assertTrue({"cleaning", "greening"} <= categories, "cleaning and plants")
        group_name = self.env.ref(group + "internal_affairs").with_context(lang="zh_TW").name
        self.assertEqual(group_name, "內務主管")

    @freeze_time("2026-12-06 10:00:00")  # a Sunday: the week's last day
    def test_internal_affairs_in_home_rounds_twice_a_week(self):
        template = self.templates["internal_in_home"]
        inspection = (
            self.env["property.inspection"]
            .with_user(self.internal)
            .create({"template_id": template.id, "project_id": self.project.id, "unit_id": self.unit2.id})
        )  # fmt: skip
        inspection.line_ids.write({"result": "ok"})
        problem = inspection.line_ids.filtered(lambda line: line.category == "greening")
        problem.write({"result": "problem", "note": "Ficus by the window drying out"})
        inspection.action_done()
        self.assertEqual(
            problem.ticket_id.department_id,
            self.env.ref("property_butler_ticket.property_department_greening"),
        )
        status = template._schedule_status(date(2026, 12, 6))[(template, self.internal)]
        self.assertEqual((status["done"], status["due"]), (1, 2))
        self.assertTrue(status["late"], "one of the two weekly in-home rounds is missing")
        self.assertEqual(template.with_user(self.internal).my_done_count, 1)
        # The supervisor's (customer affairs) and the manager's do not owe it.
        self.assertNotIn((template, self.supervisor), template._schedule_status(date(2026, 12, 6)))
        self.assertFalse(template.with_user(self.manager).my_late)

    def test_front_desk_does_its_first_floor_round(self):
        template = self.templates["front_desk_round"]
        Inspection = self.env["property.inspection"].with_user(self.front_desk)
        inspection = Inspection.create({"template_id": template.id, "project_id": self.project.id})
        self.assertEqual(inspection.user_id, self.front_desk)
        inspection.line_ids.write({"result": "ok"})
        inspection.action_done()
        self.assertEqual(inspection.state, "done")

    @freeze_time("2026-12-03 01:45:00")  # Thursday 09:45 in Shanghai
    def test_morning_reminders_only_for_butlers(self):
        activities = self.env["property.inspection"]._cron_morning_check_reminders()
        self.assertIn(self.butler, activities.user_id)
        self.assertFalse(activities.user_id & (self.manager | self.supervisor | self.internal))

    # ------------------------------------------------------------------
    # Empty flats (S0 六, 3.4)
    # ------------------------------------------------------------------
    @freeze_time("2026-12-01 01:00:00")
    def test_every_empty_flat_inspected_monthly_unsold_and_decorating_too(self):
        Unit = self.env["property.unit"]
        parking, decorating_empty, decorating_lived = Unit.create(
            [
                {"building_id": self.building.id, "floor": -1, "number": "B101", "area": 12.5,
                 "unit_type": "parking"},
                {"building_id": self.building.id, "floor": 16, "number": "1601", "area": 98.0,
                 "is_decorating": True},
                {"building_id": self.building.id, "floor": 16, "number": "1602", "area": 98.0,
                 "is_decorating": True},
            ]
        )  # fmt: skip
        self._occupy(decorating_empty, self.owner, date_start=date(2026, 1, 1), resides=False)
        self._occupy(decorating_lived, self.other_owner, date_start=date(2026, 1, 1))
        self.assertEqual(decorating_lived.state, "decorating")
        created = self._mine(self.env["property.inspection"]._cron_vacant_unit_inspections())
        self.assertEqual(
            created.unit_id,
            self.unit | self.unit_b | decorating_empty,
            "vacant, unsold and decorated-while-empty flats; not the parking space, not the flats "
            "lived in",
        )
        self.assertEqual(set(created.mapped("date_deadline")), {date(2026, 12, 31)})
        unsold = created.filtered(lambda i: i.unit_id == self.unit_b)
        self.assertEqual(unsold.user_id, self.supervisor, "no grid: the project's supervisor")
        self.assertFalse(
            self._mine(self.env["property.inspection"]._cron_vacant_unit_inspections())
        )

    @freeze_time("2026-12-10 03:00:00")
    def test_flat_emptied_mid_month_is_inspected_then(self):
        Inspection = self.env["property.inspection"]
        later_unit = self.env["property.unit"].create(
            {"building_id": self.building.id, "floor": 17, "number": "1701", "area": 98.0}
        )
        leaving = self._occupy(later_unit, self.member, date_start=date(2026, 1, 1))
        Inspection._cron_vacant_unit_inspections()
        self.assertFalse(Inspection.search([("unit_id", "=", self.unit2.id)]), "lived in")
        # Moved out yesterday, recorded today.
        self.living.date_end = date(2026, 12, 9)
        self.assertEqual(self.unit2.state, "vacant")
        emptied = Inspection.search([("unit_id", "=", self.unit2.id)])
        self.assertEqual(len(emptied), 1, "inspected from the day it is empty")
        self.assertEqual(emptied.template_id, self.vacant_template)
        self.assertEqual(
            (emptied.date_planned, emptied.date_deadline, emptied.period),
            (date(2026, 12, 10), date(2026, 12, 31), "2026-12"),
        )
        self.assertEqual(emptied.user_id, self.butler)
        self.assertFalse(self._mine(Inspection._cron_vacant_unit_inspections()), "idempotent")
        # A move-out dated ahead: the flat is inspected on the day the status changes.
        self.assertEqual(later_unit.state, "occupied")
        leaving.date_end = date(2026, 12, 15)
        self.assertFalse(Inspection.search([("unit_id", "=", later_unit.id)]))
        with freeze_time("2026-12-16 01:00:00"):
            self.env["property.unit"]._cron_refresh_state()
            later = Inspection.search([("unit_id", "=", later_unit.id)])
            self.assertEqual(later.date_planned, date(2026, 12, 16))
            self.assertEqual(later.period, "2026-12")

    @freeze_time("2026-12-03 03:00:00")
    def test_every_shift_passes_each_empty_flat_by_status(self):
        Route = self.env["property.patrol.route"]
        routes = Route._create_empty_flat_routes(self.project)
        self.assertEqual(len(routes), 1)
        route = routes
        self.assertEqual(route.kind, "empty_flats")
        checkpoints = route.line_ids.checkpoint_id
        self.assertEqual(checkpoints.unit_id, self.unit | self.unit_b, "the empty flats only")
        # The guards' checks of S0 3.4.2 at each flat.
        for checkpoint in checkpoints:
            self.assertEqual(len(checkpoint.checklist_item_ids), 5)
        names = " ".join(checkpoints[:1].checklist_item_ids.mapped("name"))
        for check in ("Doors and windows", "Lights", "smell", "noise", "leaks"):
            self.assertIn(check, names)
        plans = self.env["property.patrol.plan"].search([("route_id", "=", route.id)])
        self.assertEqual(plans.shift_id, self.day | self.night, "every shift")
        self.assertEqual(set(plans.mapped("interval_minutes")), {0}, "once per shift")
        rounds = self.env["property.patrol.plan"]._cron_generate_rounds(days_ahead=0)
        mine = rounds.filtered(lambda r: r.route_id == route)
        self.assertEqual(len(mine), 2, "today: one round on the day shift, one on the night shift")
        # unit2's resident moved out: the next planning puts it on the route, no hand edit.
        self.living.date_end = date(2026, 12, 2)
        self.env["property.patrol.plan"]._cron_generate_rounds(days_ahead=0)
        self.assertEqual(route.line_ids.checkpoint_id.unit_id, self.unit | self.unit_b | self.unit2)
        self.assertEqual(mine[0].expected_count, 3)
        # Someone moves into unit: it leaves the route (its checkpoint stays for the record).
        self._occupy(self.unit, self.tenant, role="tenant", date_start=date(2026, 12, 3))
        self.assertEqual(self.unit.state, "occupied")
        route._sync_vacant_units()
        self.assertEqual(route.line_ids.checkpoint_id.unit_id, self.unit_b | self.unit2)
        self.assertEqual(len(route.line_ids), 2)
        # The daily job neither makes a second route nor more plans.
        Route._cron_default_plans()
        self.assertEqual(
            Route.search([("kind", "=", "empty_flats"), ("project_id", "=", self.project.id)]),
            route,
        )
        self.assertEqual(
            self.env["property.patrol.plan"].search([("route_id", "=", route.id)]), plans
        )

    @freeze_time("2026-12-07 00:00:00")  # Monday 08:00 in Shanghai
    def test_weekly_empty_flat_list_for_control_room_and_front_desk(self):
        Project = self.env["property.project"]
        messages = Project._cron_vacant_unit_list()
        message = messages.filtered(lambda m: m.res_id == self.project.id)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.attachment_ids.name, "vacant-units-SGT-2026-W50.pdf")
        recipients = message.partner_ids
        self.assertIn(self.front_desk.partner_id, recipients, "the front desk")
        self.assertIn(self.guard.partner_id, recipients, "the control room (guards)")
        self.assertNotIn(self.butler.partner_id, recipients)
        again = Project._cron_vacant_unit_list()
        self.assertFalse(again.filtered(lambda m: m.res_id == self.project.id), "once a week")
        with freeze_time("2026-12-14 00:00:00"):
            self.assertTrue(
                Project._cron_vacant_unit_list().filtered(lambda m: m.res_id == self.project.id),
                "the next week's",
            )
        # Printed in Chinese, the empty flats only, the owners' names left out (guards read it).
        report = self.env.ref("property_butler_patrol.property_project_report_vacant_units")
        html = (
            report.with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, self.project.ids)[0]
            .decode()
        )
        self.assertIn("空置房清单", html)
        self.assertIn("3-2-1502", html)
        self.assertIn("3-5-301", html)
        self.assertNotIn("3-2-1501", html, "lived in")
        self.assertNotIn(self.owner.name, html)

    # ------------------------------------------------------------------
    # Key areas (S0 3.5.2)
    # ------------------------------------------------------------------
    def test_key_areas_get_the_default_night_plan_once(self):
        Checkpoint = self.env["property.checkpoint"]
        archive = Checkpoint.create(
            {"name": "Archive room", "project_id": self.project.id, "is_key_area": True}
        )
        self.assertTrue(archive.night_round_missing, "warned until planned")
        Route = self.env["property.patrol.route"]
        Route._cron_default_plans()
        archive.invalidate_recordset(["night_round_missing"])
        self.assertFalse(archive.night_round_missing)
        route = Route.search([("kind", "=", "key_areas"), ("project_id", "=", self.project.id)])
        self.assertEqual(route.line_ids.checkpoint_id, archive)
        plan = self.env["property.patrol.plan"].search([("route_id", "=", route.id)])
        self.assertEqual((plan.shift_id, plan.interval_minutes), (self.night, 60))
        # A new key area joins the same route and plan: nothing is duplicated.
        office = Checkpoint.create(
            {"name": "Office", "project_id": self.project.id, "is_key_area": True}
        )
        Route._cron_default_plans()
        Route._cron_default_plans()
        self.assertEqual(
            Route.search([("kind", "=", "key_areas"), ("project_id", "=", self.project.id)]), route
        )
        self.assertEqual(route.line_ids.checkpoint_id, archive | office)
        self.assertEqual(
            self.env["property.patrol.plan"].search([("route_id", "=", route.id)]), plan
        )
        # A key area already walked hourly at night by a hand-made plan is left alone.
        store = Checkpoint.create(
            {"name": "Warehouse", "project_id": self.project.id, "is_key_area": True}
        )
        own = Route.create(
            {"name": "Warehouse nights", "project_id": self.project.id,
             "line_ids": [Command.create({"checkpoint_id": store.id})]}
        )  # fmt: skip
        self.env["property.patrol.plan"].create(
            {"route_id": own.id, "shift_id": self.night.id, "interval_minutes": 30}
        )
        Route._cron_default_plans()
        self.assertNotIn(store, route.line_ids.checkpoint_id)

    def test_demo_key_areas_and_empty_flats_are_planned(self):
        demo = self.env["property.demo.generator"]._demo_project()
        if not demo:
            self.skipTest("no demo data")
        key_areas = self.env["property.checkpoint"].search(
            [("project_id", "=", demo.id), ("is_key_area", "=", True)]
        )
        self.assertTrue(key_areas)
        self.assertFalse(key_areas.filtered("night_round_missing"))
        empty = self.env["property.patrol.route"].search(
            [("project_id", "=", demo.id), ("kind", "=", "empty_flats")]
        )
        self.assertEqual(len(empty), 1)
        self.assertTrue(empty.line_ids)
