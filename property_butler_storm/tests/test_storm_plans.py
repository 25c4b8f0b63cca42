from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.property_butler_patrol.tests.test_patrol import PatrolCase

from .test_storm import StormHandoverCase

# The snow plan (S1 training item 25, 雪天處理預案), once per project.
SNOW_CODES = {
    "snow_supplies",
    "snow_entrances",
    "snow_anti_slip",
    "snow_roads",
    "snow_pipes",
    "snow_trees_fixtures",
    "snow_drains",
    "snow_key_areas",
    "snow_residents_notice",
}


@tagged("post_install", "-at_install")
class TestStormPlans(StormHandoverCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.security = cls.env.ref("property_butler_ticket.property_department_security")
        cls.cleaning = cls.env.ref("property_butler_ticket.property_department_cleaning")
        cls.engineering = cls.env.ref("property_butler_ticket.property_department_engineering")
        cls.project.supervisor_id = cls.supervisor

    def _task(self, alert, code, unit=None):
        return alert.task_ids.filtered(
            lambda t: (
                t.code == code and t.project_id == self.project and t.unit_id == (unit or t.unit_id)
            )
        )

    def test_storm_checklist_has_the_manual_items(self):
        """S0 3.6.2-3.6.3: residents' balconies and flower pots, cars parked under fixtures, the
        key areas' doors and windows; shipped as data, in the residents' languages."""
        alert = self._alert(self.project)
        alert.action_raise()
        self.assertEqual(alert.plan, "storm")
        balconies = self._task(alert, "balconies")
        self.assertIn("flower pots", balconies.name)
        self.assertEqual(balconies.item_id.source, "S0 3.6.2")
        self.assertIn("Cars parked under", self._task(alert, "cars_under_fixtures").name)
        key_areas = self._task(alert, "key_area_doors_windows")
        self.assertIn("archive room", key_areas.name)
        self.assertEqual(key_areas.item_id.department_id, self.security)
        self.assertEqual(self._task(alert, "residents_notice").role, "butler")
        self.assertFalse(alert.task_ids.filtered(lambda t: t.code and t.code.startswith("snow")))
        # Translated: each task is named in the language of the one reading it.
        self.assertEqual(
            balconies.with_context(lang="zh_CN").name,
            balconies.item_id.with_context(lang="zh_CN").name,
        )
        self.assertIn("花盆", balconies.with_context(lang="zh_CN").name)
        self.assertIn("花盆", balconies.with_context(lang="zh_TW").name)
        unit_task = self._task(alert, "vacant_unit", self.unit)
        self.assertTrue(unit_task.with_context(lang="zh_TW").name.startswith(f"{self.unit.code}: "))
        self.assertIn("空置", unit_task.with_context(lang="zh_TW").name)

    def test_snow_alert_raises_the_snow_plan(self):
        """S1 25: a snow alert raises the snow plan (snow clearing, anti-slip, frozen pipes,
        residents told), not the typhoon checklist; vacant units are closed against freezing."""
        alert = self._alert(self.project, name="Blizzard, orange warning", kind="snow")
        alert.action_raise()
        self.assertEqual(alert.plan, "snow")
        fixed = alert.task_ids.filtered(lambda t: not t.unit_id)
        self.assertEqual(set(fixed.mapped("code")), SNOW_CODES)
        per_unit = alert.task_ids - fixed
        self.assertEqual(per_unit.unit_id, self.unit | self.unit_b)
        self.assertEqual(set(per_unit.mapped("code")), {"snow_vacant_unit"})
        self.assertEqual(set(per_unit.mapped("role")), {"guard"})
        self.assertEqual(self._task(alert, "snow_entrances").item_id.department_id, self.cleaning)
        self.assertIn("ramps", self._task(alert, "snow_entrances").name)
        self.assertIn("freezing", self._task(alert, "snow_pipes").name)
        self.assertIn("防滑", self._task(alert, "snow_anti_slip").with_context(lang="zh_CN").name)
        # Key areas are patrolled more during any natural disaster (S0 3.5.2).
        self.assertEqual(
            self.env["property.storm.alert"]._active_for_projects(self.project), self.project
        )

    def test_archived_item_is_not_raised_and_new_item_is(self):
        self.env.ref(
            "property_butler_storm.property_storm_checklist_item_protective_gear"
        ).active = False
        item_form = Form(self.env["property.storm.checklist.item"].with_user(self.supervisor))
        item_form.name = "Underground car park: barrier at the ramp"
        item_form.department_id = self.security
        item = item_form.save()
        self.assertEqual((item.plan, item.scope, item.role), ("storm", "project", "guard"))
        alert = self._alert(self.project)
        alert.action_raise()
        self.assertFalse(self._task(alert, "protective_gear"))
        self.assertEqual(len(alert.task_ids.filtered(lambda t: t.item_id == item)), 1)
        alert.action_raise()
        self.assertEqual(len(alert.task_ids.filtered(lambda t: t.item_id == item)), 1)

    def test_vacant_unit_tasks_go_to_the_guards_who_patrol_them(self):
        """S0 3.4.3: the patrol guards make sure the vacant units' doors and windows are closed
        before the storm: a unit on a route goes to that route's guards, the others in turn to
        the estate's guards; no butler is given them."""
        guard3 = self._user("pb_guard3", "patrol_guard")
        checkpoint = self.env["property.checkpoint"].create(
            {"name": "Vacant unit", "project_id": self.project.id, "unit_id": self.unit_b.id}
        )
        route = self.env["property.patrol.route"].create(
            {
                "name": "Vacant units",
                "project_id": self.project.id,
                "line_ids": [Command.create({"checkpoint_id": checkpoint.id})],
            }
        )
        self.plan.copy({"route_id": route.id, "guard_ids": self._set(guard3)})
        alert = self._alert(self.project)
        alert.action_raise()
        on_route = self._task(alert, "vacant_unit", self.unit_b)
        self.assertEqual(on_route.user_id, guard3)
        elsewhere = self._task(alert, "vacant_unit", self.unit)
        self.assertIn(elsewhere.user_id, self.guard | self.guard2 | guard3)
        self.assertEqual((on_route | elsewhere).mapped("role"), ["guard", "guard"])
        self.assertFalse((on_route | elsewhere).user_id & (self.butler | self.butler2))
        on_route.with_user(guard3).action_done()
        self.assertEqual(on_route.state, "done")

    def test_estate_without_patrol_plan_gives_the_guards_tasks_to_the_security_team(self):
        self.security.member_ids = self.guard | self.staff
        alert = self._alert(self.project2)
        alert.action_raise()
        by_guards = alert.task_ids.filtered(lambda t: t.role == "guard")
        self.assertEqual(by_guards.user_id, self.guard | self.staff)
        self.assertFalse(alert.task_ids.filtered(lambda t: t.role == "butler").user_id)

    def test_hazard_in_another_company_goes_to_its_own_department(self):
        company, project, _building, _unit = self._moon_bay()
        engineering = self.env["property.department"].create(
            {"name": "MB Engineering", "kind": "engineering", "company_id": company.id}
        )
        alert = (
            self.env["property.storm.alert"]
            .with_company(company)
            .create({"name": "Typhoon", "project_ids": self._set(project)})
        )
        alert.action_raise()
        task = alert.task_ids.filtered(lambda t: t.code == "signs_fixtures")
        task.note = "Light box hanging by one bolt"
        task.action_report_hazard()
        self.assertEqual(task.ticket_id.company_id, company)
        self.assertEqual(task.ticket_id.department_id, engineering)
        self.assertEqual(task.ticket_id.priority, "1")

    def test_vacant_unit_task_found_by_the_guards_storm_tasks_menu(self):
        alert = self._alert(self.project)
        alert.action_raise()
        Task = self.env["property.storm.task"].with_user(self.guard)
        mine = Task.search([("user_id", "=", self.guard.id), ("unit_id", "!=", False)])
        theirs = Task.search([("user_id", "=", self.guard2.id), ("unit_id", "!=", False)])
        self.assertEqual((mine | theirs).unit_id, self.unit | self.unit_b)

    @freeze_time("2026-07-20 02:00:00")
    def test_hazard_on_a_storm_task_is_an_urgent_finding(self):
        """S0 3.6.4: a hazard found is reported at once to the control centre or superior, who
        sends help: an urgent finding for the department, an activity for the supervisor."""
        alert = self._alert(self.project)
        alert.action_raise()
        task = self._task(alert, "signs_fixtures")
        mine = task.with_user(task.user_id)
        with self.assertRefused(UserError, "Describe the hazard"):
            mine.action_report_hazard()
        mine.write({"note": "Billboard at the north gate is loose"})
        mine.action_report_hazard()
        finding = task.ticket_id
        self.assertTrue(task.is_hazard)
        self.assertEqual(task.state, "done", "checked: the finding carries the follow-up")
        self.assertEqual(finding.kind, "finding")
        self.assertEqual(finding.priority, "1", "urgent")
        self.assertEqual(finding.department_id, self.engineering)
        self.assertEqual(finding.storm_alert_id, alert)
        self.assertEqual(finding.project_id, self.project)
        self.assertIn("Billboard", str(finding.description))
        self.assertEqual(finding.create_uid, task.user_id)
        # The urgent targets of a finding: answered within the hour.
        self.assertEqual(finding.date_response_deadline, datetime(2026, 7, 20, 3, 0))
        activity = finding.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        self.assertEqual(len(activity), 1)
        self.assertIn("Storm hazard", activity.summary)
        self.assertEqual(activity.date_deadline, date(2026, 7, 20))
        self.assertIn(self.supervisor.partner_id, finding.message_partner_ids)
        self.assertEqual(alert.finding_count, 1)
        self.assertIn(finding.name, alert.message_ids[0].body)
        # Reported once.
        mine.action_report_hazard()
        alert.invalidate_recordset(["finding_count"])
        self.assertEqual(alert.finding_count, 1)

    def test_hazard_on_a_vacant_unit_after_the_storm_is_not_urgent(self):
        alert = self._alert(self.project)
        alert.action_raise()
        task = self._task(alert, "vacant_unit", self.unit)
        alert.action_lift()
        task.note = "Window pane cracked"
        task.action_report_hazard()
        self.assertEqual(task.ticket_id.priority, "0", "the storm is over")
        self.assertEqual(task.ticket_id.unit_id, self.unit)
        self.assertFalse(task.ticket_id.activity_ids.filtered(lambda a: "Storm" in a.summary))

    def test_migration_links_former_tasks_to_their_items(self):
        alert = self._alert(self.project)
        alert.action_raise()
        task = self._task(alert, "sandbags")
        self.env.cr.execute("ALTER TABLE property_storm_task ADD COLUMN code varchar")
        self.env.cr.execute(
            "UPDATE property_storm_task SET code = 'sandbags', item_id = NULL WHERE id = %s",
            [task.id],
        )
        self.env.invalidate_all()
        self.assertFalse(task.item_id)
        self._run_migration(
            "18.0.1.1.0/post-migration.py", "18.0.1.0.0", module="property_butler_storm"
        )
        self.env.invalidate_all()
        self.assertEqual(
            task.item_id,
            self.env.ref("property_butler_storm.property_storm_checklist_item_sandbags"),
        )
        self.env.cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'property_storm_task' AND column_name = 'code'"
        )
        self.assertFalse(self.env.cr.fetchall())


@tagged("post_install", "-at_install")
class TestStormCheckinFindings(PatrolCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.supervisor_id = cls.supervisor

    def _failed_check_in(self, start):
        patrol = self._round(start=start).with_user(self.guard)
        return patrol.check_in(
            self._token(self.control_room),
            answers={self.door.id: (False, "Door forced open"), self.extinguisher.id: (True, "")},
        ).ticket_ids

    def test_failed_check_during_a_storm_is_urgent(self):
        """A check answered not OK while a storm alert is active for the estate is an urgent
        finding for the item's department, reported to the supervisor (S0 3.6.4)."""
        with freeze_time("2026-07-20 01:05:00"):
            before = self._failed_check_in(datetime(2026, 7, 20, 1, 0))
        self.assertEqual(before.priority, "0")
        self.assertFalse(before.storm_alert_id)
        elsewhere = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        self.env["property.storm.alert"].create(
            {"name": "Elsewhere", "project_ids": [Command.set(elsewhere.ids)]}
        ).action_raise()
        alert = self.env["property.storm.alert"].create(
            {"name": "Typhoon Doksuri", "project_ids": [Command.set(self.project.ids)]}
        )
        with freeze_time("2026-07-20 02:00:00"):
            alert.action_raise()
        with freeze_time("2026-07-20 02:05:00"):
            during = self._failed_check_in(datetime(2026, 7, 20, 2, 0))
        self.assertEqual(during.priority, "1")
        self.assertEqual(during.storm_alert_id, alert)
        self.assertEqual(during.department_id, self.security)
        self.assertTrue(
            during.activity_ids.filtered(
                lambda a: a.user_id == self.supervisor and "Storm hazard" in a.summary
            )
        )
        self.assertEqual(alert.finding_ids, during)
        with freeze_time("2026-07-21 02:00:00"):
            alert.action_lift()
        with freeze_time("2026-07-21 03:05:00"):
            after = self._failed_check_in(datetime(2026, 7, 21, 3, 0))
        self.assertEqual(after.priority, "0", "the storm is over")
        self.assertFalse(after.storm_alert_id)

    def test_inspection_problem_during_a_storm_is_urgent(self):
        template = self.env.ref("property_butler_patrol.property_inspection_template_cluster_daily")
        self.env["property.storm.alert"].create(
            {
                "name": "Rainstorm",
                "kind": "rainstorm",
                "project_ids": [Command.set(self.project.ids)],
            }
        ).action_raise()
        inspection = self.env["property.inspection"].create(
            {
                "template_id": template.id,
                "project_id": self.project.id,
                "cluster_id": self.cluster.id,
            }
        )
        inspection.line_ids.write({"result": "ok"})
        inspection.line_ids[0].write({"result": "problem", "note": "Drain blocked, water rising"})
        inspection.action_done()
        finding = inspection.line_ids[0].ticket_id
        self.assertEqual(finding.priority, "1")
        self.assertTrue(finding.storm_alert_id)
