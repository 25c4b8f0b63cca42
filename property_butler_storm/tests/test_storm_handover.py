from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase

FIXED_CODES = {
    "pumps",
    "sandbags",
    "emergency_lights",
    "signs_fixtures",
    "doors_windows",
    "low_lying",
}


class StormHandoverCase(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard2 = cls._user("pb_guard2", "patrol_guard")
        cls.project2 = cls.env["property.project"].create({"name": "Harbour View", "code": "HV"})
        # Two vacant units (owners living elsewhere) in two grids, one occupied unit.
        for unit in (cls.unit, cls.unit_b):
            cls._occupy(unit, cls.owner, date_start=date(2024, 1, 1), resides=False)
        cls._occupy(cls.unit2, cls.other_owner, date_start=date(2024, 1, 1))
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))
        # The guards of the estate are those of its patrol plans.
        cls.control_room = cls.env["property.checkpoint"].create(
            {"name": "Control room", "project_id": cls.project.id, "is_key_area": True}
        )
        cls.route = cls.env["property.patrol.route"].create(
            {
                "name": "Key areas",
                "project_id": cls.project.id,
                "line_ids": [Command.create({"checkpoint_id": cls.control_room.id})],
            }
        )
        cls.night = cls.env.ref("property_butler_patrol.property_patrol_shift_night")
        cls.plan = cls.env["property.patrol.plan"].create(
            {
                "route_id": cls.route.id,
                "shift_id": cls.night.id,
                "interval_minutes": 60,
                "guard_ids": cls._set(cls.guard | cls.guard2),
            }
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
        self.assertEqual(set(fixed.mapped("role")), {"guard"})
        mine = fixed.filtered(lambda t: t.project_id == self.project)
        self.assertEqual(
            mine.user_id, self.guard | self.guard2, "shared among the guards of the plans"
        )
        self.assertFalse(
            fixed.filtered(lambda t: t.project_id == self.project2).user_id,
            "no guard known for that estate: left unassigned, with the guard role",
        )
        per_unit = tasks.filtered("unit_id")
        self.assertEqual(per_unit.unit_id, self.unit | self.unit_b, "vacant units only")
        self.assertEqual(set(per_unit.mapped("role")), {"butler"})
        self.assertEqual(per_unit.filtered(lambda t: t.unit_id == self.unit).user_id, self.butler)
        self.assertEqual(
            per_unit.filtered(lambda t: t.unit_id == self.unit_b).user_id, self.butler2
        )
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
        unit_task.with_user(self.butler).action_done()
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
class TestHandover(StormHandoverCase):
    def _log(self, user, taker=None, **vals):
        return (
            self.env["property.handover.log"]
            .with_user(user)
            .create(
                {
                    "kind": "security",
                    "project_id": self.project.id,
                    "shift_id": self.night.id,
                    "taken_by_id": taker and taker.id,
                    **vals,
                }
            )
        )

    def _first_log(self):
        log = self._log(
            self.guard,
            self.guard2,
            notes="22:40 delivery van let in at the north gate.",
            item_ids=[
                Command.create({"description": "Light of gate 3 broken"}),
                Command.create({"description": "Parcel for 2-1502 in the guardroom"}),
                Command.create({"description": "Lift 2 stuck", "state": "closed"}),
            ],
        )
        log.action_hand_over()
        return log

    def test_hand_over_requires_a_taker(self):
        log = self._log(self.guard)
        self.assertEqual(log.handed_by_id, self.guard)
        self.assertTrue(log.name.startswith("HO/"))
        with self.assertRefused(UserError, "Taken Over By"):
            log.action_hand_over()
        self.assertEqual(log.state, "draft")
        log.taken_by_id = self.guard
        with self.assertRefused(UserError, "to yourself"):
            log.action_hand_over()
        log.taken_by_id = self.guard2
        with self.assertRefused(UserError, "who hands over"):
            log.with_user(self.guard2).action_hand_over()
        log.with_user(self.guard).action_hand_over()
        self.assertEqual(log.state, "handed")
        self.assertTrue(log.date_handed)
        with self.assertRefused(UserError, "cannot be changed"):
            log.with_user(self.guard).notes = "rewritten"

    def test_open_items_are_carried_to_the_next_log_once(self):
        first = self._first_log().with_user(self.guard2)
        second = self._log(self.guard2, self.guard)
        self.assertEqual(second.previous_log_id, first)
        self.assertEqual(
            second.item_ids.mapped("description"),
            ["Light of gate 3 broken", "Parcel for 2-1502 in the guardroom"],
            "open items only",
        )
        self.assertEqual(second.item_ids.carried_from_id, first.item_ids[:2])
        self.assertEqual(second.carried_item_count, 2)
        second.action_carry_over()
        self.assertEqual(len(second.item_ids), 2, "carried once")
        third = self._log(self.guard2, self.guard)
        self.assertFalse(third.item_ids, "already carried into the second log")
        front_desk = self._log(self.front_desk, self.butler, kind="front_desk")
        self.assertFalse(front_desk.item_ids, "another kind of handover")
        # Closing the matter closes it where it came from too.
        second.item_ids[0].action_close()
        self.assertEqual(first.item_ids[0].state, "closed")
        self.assertEqual(first.item_ids[0].closed_by_id, self.guard2)

    def test_taker_acknowledges_before_handing_over(self):
        first = self._first_log()
        second = self._log(self.guard2, self.guard)
        with self.assertRefused(UserError, "Acknowledge the handover you took over first"):
            second.action_hand_over()
        self.assertEqual(second.state, "draft")
        with self.assertRefused(UserError, "who takes over"):
            first.with_user(self.guard).action_acknowledge()
        self.assertEqual(first.state, "handed")
        first.with_user(self.guard2).action_acknowledge()
        self.assertEqual(first.state, "acknowledged")
        self.assertTrue(first.date_acknowledged)
        with self.assertRefused(UserError, "Only a handed-over log"):
            first.with_user(self.guard2).action_acknowledge()
        second.action_hand_over()
        self.assertEqual(second.state, "handed")
        # Open items of a handed log can still be closed, not changed.
        second.item_ids[1].with_user(self.guard).action_close()
        with self.assertRefused(UserError, "only be closed"):
            second.item_ids[0].with_user(self.guard).description = "Another thing"
        with self.assertRefused(UserError, "before it is handed over"):
            self.env["property.handover.item"].with_user(self.guard).create(
                {"log_id": second.id, "description": "Late addition"}
            )

    def test_supervisor_may_acknowledge(self):
        first = self._first_log()
        first.with_user(self.supervisor).action_acknowledge()
        self.assertEqual(first.state, "acknowledged")

    def test_guards_and_front_desk_see_their_own_handovers(self):
        security = self._first_log()
        desk = self._log(self.front_desk, self.butler, kind="front_desk")
        Log = self.env["property.handover.log"]
        mine = [("project_id", "=", self.project.id)]  # the demo estate has its own logs
        self.assertEqual(Log.with_user(self.guard).search(mine), security)
        self.assertEqual(Log.with_user(self.front_desk).search(mine), desk)
        self.assertEqual(Log.with_user(self.supervisor).search(mine), security | desk)


@tagged("post_install", "-at_install")
class TestStormHandoverReports(StormHandoverCase):
    def test_handover_reports(self):
        Log = self.env["property.handover.log"]
        security = Log.with_user(self.guard).create(
            {
                "kind": "security",
                "project_id": self.project.id,
                "shift_id": self.night.id,
                "taken_by_id": self.guard2.id,
                "notes": "北門燈壞了",
                "item_ids": [Command.create({"description": "2-1502 包裹在崗亭"})],
            }
        )
        security.action_hand_over()
        security.with_user(self.guard2).action_acknowledge()
        desk = Log.with_user(self.front_desk).create(
            {"kind": "front_desk", "project_id": self.project.id, "taken_by_id": self.butler.id}
        )
        html = self._render_html("property_butler_handover.property_handover_log_report", security)
        self.assertIn("Security Shift Handover Record", html)
        self.assertIn("北門燈壞了", html)
        self.assertIn("2-1502 包裹在崗亭", html)
        self.assertIn(self.guard2.name, html)
        self.assertIn("Acknowledged On", html)
        html = self._render_html("property_butler_handover.property_handover_log_report", desk)
        self.assertIn("Front Desk Handover Log", html)
        self.assertIn("Nothing to hand over.", html)
        # One record per PDF: the unpatched-qt wkhtmltopdf of CI cannot join several bodies.
        self._render_pdf("property_butler_handover.property_handover_log_report", security)

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
        self._render_pdf("property_butler_storm.property_storm_alert_report_checklist", alert)


@tagged("post_install", "-at_install")
class TestStatusOnlyThroughButtons(PropertyButlerCase):
    def test_storm_task_and_handover_status_not_written_by_hand(self):
        alert = self.env["property.storm.alert"].create(
            {"name": "Rainstorm", "kind": "rainstorm", "project_ids": [(6, 0, self.project.ids)]}
        )
        alert.action_raise()
        task = alert.task_ids[:1]
        with self.assertRaises(UserError):
            task.with_user(self.guard).write({"state": "done"})
        self.assertEqual(task.state, "todo")
        log = (
            self.env["property.handover.log"]
            .with_user(self.guard)
            .create({"kind": "security", "project_id": self.project.id})
        )
        with self.assertRaises(UserError):
            log.write({"state": "acknowledged"})
        self.assertEqual(log.state, "draft")
