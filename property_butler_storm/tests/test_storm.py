from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.property_butler_patrol.tests.common_patrol import PatrolEstateCase

from odoo.addons.property_butler.tests.common import PropertyButlerCase

# The typhoon and rainstorm patrol of S0 3.6 (and the butler's word to the residents), once per
# project; the vacant units' task (S0 3.4.3) is one per vacant unit.
FIXED_CODES = {
    "pumps",
    "sandbags",
    "emergency_lights",
    "signs_fixtures",
    "doors_windows",
    "balconies",
    "cars_under_fixtures",
    "key_area_doors_windows",
    "low_lying",
    "protective_gear",
    "residents_notice",
}


class StormHandoverCase(PatrolEstateCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The estate's guards are those of its patrol plans (the security department, whose
        # staff stand in for an estate without any, has nobody here).
        cls.env.ref("property_butler_ticket.property_department_security").write(
            {"leader_id": False, "member_ids": [Command.clear()]}
        )

    def _alert(self, projects=None, **vals):
        return (
            self.env["property.storm.alert"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Typhoon Mangkhut",
                    "kind": "typhoon",
                    "project_ids": self._set(projects or self.project | self.project2),
                    **vals,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestStormAlert(StormHandoverCase):
    def test_raise_creates_the_checklist_of_every_project(self):
        self.assertEqual(self.unit.state, "vacant")
        self.assertEqual(self.unit2.state, "occupied")
        alert = self._alert()
        self.assertEqual(alert.state, "draft")
        self.assertFalse(alert.task_ids)
        alert.action_raise()
        self.assertEqual(alert.state, "active")
        self.assertTrue(alert.date_raised)
        self.assertEqual(alert.raised_by_id, self.supervisor)

        tasks = alert.task_ids
        fixed = tasks.filtered(lambda t: not t.unit_id)
        for project in (self.project, self.project2):
            self.assertEqual(
                set(fixed.filtered(lambda t, p=project: t.project_id == p).mapped("code")),
                FIXED_CODES,
                f"the fixed checklist for {project.name}",
            )
        by_guards = fixed.filtered(lambda t: t.code != "residents_notice")
        self.assertEqual(set(by_guards.mapped("role")), {"guard"})
        mine = by_guards.filtered(lambda t: t.project_id == self.project)
        self.assertEqual(
            mine.user_id, self.guard | self.guard2, "shared among the guards of the plans"
        )
        self.assertFalse(
            fixed.filtered(lambda t: t.project_id == self.project2).user_id,
            "no guard or butler known for that estate: left unassigned, with the role",
        )
        notices = fixed - by_guards
        self.assertEqual(set(notices.mapped("role")), {"butler"})
        self.assertIn(
            notices.filtered(lambda t: t.project_id == self.project).user_id,
            self.butler | self.butler2,
            "the residents are told by a butler of the estate's grids",
        )
        per_unit = tasks.filtered("unit_id")
        self.assertEqual(per_unit.unit_id, self.unit | self.unit_b, "vacant units only")
        self.assertEqual(set(per_unit.mapped("code")), {"vacant_unit"})
        # S0 3.4.3: the patrol guards close the vacant units before the storm.
        self.assertEqual(set(per_unit.mapped("role")), {"guard"})
        self.assertEqual(per_unit.user_id, self.guard | self.guard2)
        self.assertIn(self.unit.code, per_unit.filtered(lambda t: t.unit_id == self.unit).name)
        self.assertEqual(len(tasks), 2 * len(FIXED_CODES) + 2)

    def test_raising_twice_duplicates_nothing(self):
        alert = self._alert()
        alert.action_raise()
        count = len(alert.task_ids)
        alert.action_raise()
        alert.invalidate_recordset(["task_ids"])
        self.assertEqual(len(alert.task_ids), count)
        # A unit that became vacant since is added, and nothing else.
        self.unit2.occupancy_ids.date_end = date(2025, 1, 1)
        self.assertEqual(self.unit2.state, "vacant")
        alert.action_raise()
        alert.invalidate_recordset(["task_ids"])
        self.assertEqual(len(alert.task_ids), count + 1)
        self.assertIn(self.unit2, alert.task_ids.unit_id)

    def test_project_added_to_an_active_alert_gets_its_checklist(self):
        alert = self._alert(self.project2)
        alert.action_raise()
        self.assertEqual(len(alert.task_ids), len(FIXED_CODES))
        alert.project_ids |= self.project
        self.assertEqual(len(alert.task_ids), 2 * len(FIXED_CODES) + 2)

    def test_lift(self):
        alert = self._alert()
        with self.assertRefused(UserError, "Only an active alert can be lifted"):
            alert.action_lift()
        alert.action_raise()
        alert.action_lift()
        self.assertEqual(alert.state, "lifted")
        self.assertTrue(alert.date_lifted)
        with self.assertRefused(UserError, "was lifted"):
            alert.action_raise()
        with self.assertRefused(UserError, "stays on record"):
            alert.unlink()

    def test_raise_needs_projects(self):
        alert = self.env["property.storm.alert"].new({"name": "Rainstorm", "kind": "rainstorm"})
        with self.assertRefused(UserError, "Choose the projects"):
            alert.action_raise()
        self.assertEqual(alert.state, "draft")

    def test_active_for_projects(self):
        Alert = self.env["property.storm.alert"]
        both = self.project | self.project2
        self.assertFalse(Alert._active_for_projects(both))
        alert = self._alert(self.project)
        self.assertFalse(Alert._active_for_projects(both), "a draft alert changes nothing")
        alert.action_raise()
        self.assertEqual(Alert._active_for_projects(both), self.project)
        self.assertEqual(Alert._active_for_projects(self.project2), self.env["property.project"])
        self.assertEqual(
            Alert.with_user(self.guard)._active_for_projects(self.project.with_user(self.guard)),
            self.project,
            "guards' plans see the alert too",
        )
        alert.action_lift()
        self.assertFalse(Alert._active_for_projects(both))

    def test_tasks_done_by_their_assignee(self):
        alert = self._alert(self.project)
        alert.action_raise()
        task = alert.task_ids.filtered(lambda t: t.user_id == self.guard)[:1]
        others = alert.task_ids.filtered(lambda t: t.user_id == self.guard2)[:1]
        with self.assertRefused(UserError, "assigned to someone else"):
            others.with_user(self.guard).action_done()
        task.with_user(self.guard).write({"note": "3 pumps tested, 1 sent for repair"})
        task.with_user(self.guard).action_done()
        self.assertEqual(task.state, "done")
        self.assertEqual(task.done_by_id, self.guard)
        self.assertTrue(task.done_on)
        unit_task = alert.task_ids.filtered(lambda t: t.unit_id == self.unit)
        with self.assertRefused(UserError, "assigned to someone else"):
            unit_task.with_user(self.butler).action_done()
        unit_task.with_user(unit_task.user_id).action_done()
        self.assertEqual(unit_task.state, "done")
        self.assertEqual(alert.task_done_count, 2)

    def test_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Moon Bay Property Co."})
        other_project = self.env["property.project"].create(
            {"name": "Moon Bay", "code": "MB", "company_id": other_company.id}
        )
        other = (
            self.env["property.storm.alert"]
            .with_company(other_company)
            .create({"name": "Typhoon", "project_ids": self._set(other_project)})
        )
        other.action_raise()
        mine = self._alert(self.project)
        Alert = self.env["property.storm.alert"].with_user(self.supervisor)
        # this test's alerts (the demo estate has its own)
        self.assertEqual(Alert.search([("id", "in", (mine | other).ids)]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.supervisor).read(["name"])
        self.assertFalse(
            self.env["property.storm.task"]
            .with_user(self.supervisor)
            .search([("alert_id", "=", other.id)])
        )


@tagged("post_install", "-at_install")
class TestStormHandoverReports(StormHandoverCase):
    def test_storm_checklist_report(self):
        alert = self._alert()
        alert.action_raise()
        html = self._render_html(
            "property_butler_storm.property_storm_alert_report_checklist", alert
        )
        self.assertIn("Storm Checklist", html)
        self.assertIn("Typhoon Mangkhut", html)
        self.assertIn("Harbour View", html)
        self.assertIn(self.unit.code, html)
        self.assertIn("Check the supplies: sandbags", html)
        self.assertNotIn("Hazard Found", html)
        task = alert.task_ids.filtered(lambda t: t.code == "low_lying" and t.user_id)[:1]
        task.note = "Water in the pump room"
        task.with_user(task.user_id).action_report_hazard()
        html = self._render_html(
            "property_butler_storm.property_storm_alert_report_checklist", alert, user=self.guard
        )
        self.assertIn(f"Hazard Found: {task.ticket_id.name}", html)
        self.assertIn("Water in the pump room", html)
        self._render_pdf("property_butler_storm.property_storm_alert_report_checklist", alert)


@tagged("post_install", "-at_install")
class TestStatusOnlyThroughButtons(PropertyButlerCase):
    def test_storm_task_status_not_written_by_hand(self):
        alert = self.env["property.storm.alert"].create(
            {"name": "Rainstorm", "kind": "rainstorm", "project_ids": [(6, 0, self.project.ids)]}
        )
        alert.action_raise()
        task = alert.task_ids[:1]
        with self.assertRaises(UserError):
            task.with_user(self.guard).write({"state": "done"})
        self.assertEqual(task.state, "todo")
