from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestInspections(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.cluster_daily = ref("property_butler_patrol.property_inspection_template_cluster_daily")
        cls.vacant_template = ref("property_butler_patrol.property_inspection_template_vacant_unit")
        cls.supervisor_round = ref(
            "property_butler_patrol.property_inspection_template_supervisor_round"
        )
        cls.engineering = ref("property_butler_ticket.property_department_engineering")
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        # unit: vacant (owner lives elsewhere); unit2: occupied; unit_b: unsold.
        cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1), resides=False)
        cls._occupy(cls.unit2, cls.other_owner, date_start=date(2024, 1, 1))

    def test_daily_cluster_inspection_has_the_seven_categories(self):
        categories = set(self.cluster_daily.item_ids.mapped("category"))
        self.assertEqual(
            categories,
            {
                "staff",
                "security",
                "cleaning",
                "greening",
                "engineering",
                "decoration",
                "facilities",
            },
        )
        morning = self.env.ref("property_butler_patrol.property_inspection_template_morning_check")
        self.assertEqual(len(morning.item_ids), 4, "security, maintenance, cleaning, control room")

    def test_problems_become_findings_for_their_department(self):
        inspection = (
            self.env["property.inspection"]
            .with_user(self.butler)
            .create(
                {
                    "template_id": self.cluster_daily.id,
                    "project_id": self.project.id,
                    "cluster_id": self.cluster.id,
                }
            )
        )
        self.assertEqual(len(inspection.line_ids), len(self.cluster_daily.item_ids))
        with self.assertRefused(UserError, "Mark every item OK or problem"):
            inspection.action_done()
        lines = inspection.line_ids
        lines.write({"result": "ok"})
        broken = lines.filtered(lambda line: line.category == "engineering")[:1]
        broken.write({"result": "problem", "note": "Lift 2 stuck on floor 7"})
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        finding = broken.ticket_id
        self.assertEqual(finding.kind, "finding")
        self.assertEqual(finding.department_id, self.engineering)
        self.assertEqual(finding.cluster_id, self.cluster)
        self.assertIn("Lift 2", str(finding.description))
        self.assertEqual(inspection.problem_count, 1)
        with self.assertRefused(UserError, "already done"):
            inspection.action_done()

    def test_butlers_change_only_their_own_inspections(self):
        inspection = self.env["property.inspection"].create(
            {
                "template_id": self.cluster_daily.id,
                "project_id": self.project.id,
                "user_id": self.butler.id,
            }
        )
        self.assertEqual(inspection.with_user(self.butler2).name, inspection.name, "readable")
        with self.assertRaises(AccessError):
            inspection.with_user(self.butler2).write({"note": "Not mine"})
        inspection.with_user(self.butler).write({"note": "Mine"})
        inspection.with_user(self.supervisor).write({"note": "Checked"})

    @freeze_time("2026-12-01 01:00:00")
    def test_vacant_units_inspected_every_month(self):
        Inspection = self.env["property.inspection"]
        created = Inspection._cron_vacant_unit_inspections()
        mine = created.filtered(lambda i: i.project_id == self.project)
        self.assertEqual(mine.unit_id, self.unit | self.unit_b, "the empty flats (unsold too)")
        mine = mine.filtered(lambda i: i.unit_id == self.unit)
        self.assertEqual(mine.user_id, self.butler, "assigned to the unit's butler")
        self.assertEqual(mine.date_deadline, date(2026, 12, 31))
        # Doors and windows, switches, leaks, cracks (S0 六) and the guards' lights, smell, noise,
        # seepage (S0 3.4.2).
        self.assertEqual(len(mine.line_ids), 8)
        again = Inspection._cron_vacant_unit_inspections()
        self.assertFalse(again.filtered(lambda i: i.project_id == self.project), "idempotent")
        with freeze_time("2027-01-01 09:00:00"):
            self.env.invalidate_all()
            self.assertTrue(mine.is_overdue, "not done by the end of the month")
            self.assertIn(mine, Inspection.search([("is_overdue", "=", True)]))
        # Done: the owner is told the result.
        mine.line_ids.write({"result": "ok"})
        mine.line_ids[2].write({"result": "problem", "note": "Damp patch under the window"})
        mine.with_user(self.butler).action_done()
        message = mine.message_ids.filtered(lambda m: self.owner in m.partner_ids)
        self.assertEqual(len(message), 1, "the owner gets the result by e-mail")
        self.assertIn("Damp patch", message.body)
        self.assertFalse(mine.is_overdue)

    @freeze_time("2026-12-01 01:00:00")
    def test_vacant_unit_inspections_a_batch_of_units_per_call(self):
        self._occupy(self.unit_b, self.other_owner, date_start=date(2024, 1, 1), resides=False)
        self.assertEqual((self.unit | self.unit_b).mapped("state"), ["vacant", "vacant"])
        created, calls = self._run_as_scheduled(
            "property_butler_patrol.property_inspection_cron_vacant_units",
            "_cron_vacant_unit_inspections",
            batch_size=1,
        )
        self.assertEqual(calls, self._batched_calls(len(created), 1))
        self.assertEqual(
            created.filtered(lambda i: i.project_id == self.project).unit_id,
            self.unit | self.unit_b,
        )
        _again, calls = self._run_as_scheduled(
            "property_butler_patrol.property_inspection_cron_vacant_units",
            "_cron_vacant_unit_inspections",
            batch_size=1,
        )
        self.assertEqual(calls, [(0, 0)], "idempotent")

    @freeze_time("2026-12-01 01:00:00")
    def test_parking_spaces_and_storage_get_no_vacant_flat_inspection(self):
        Unit = self.env["property.unit"]
        parking, storage, shop = Unit.create(
            [
                {"building_id": self.building.id, "floor": -1, "number": "B101", "area": 12.5,
                 "unit_type": "parking"},
                {"building_id": self.building.id, "floor": -1, "number": "S01", "area": 6.0,
                 "unit_type": "storage"},
                {"building_id": self.building.id, "floor": 1, "number": "101", "area": 60.0,
                 "unit_type": "commercial"},
            ]
        )  # fmt: skip
        for unit in parking | storage | shop:
            self._occupy(unit, self.owner, date_start=date(2024, 1, 1), resides=False)
        self.assertEqual(set((parking | storage | shop).mapped("state")), {"vacant"})
        created = self.env["property.inspection"]._cron_vacant_unit_inspections()
        mine = created.filtered(lambda i: i.project_id == self.project)
        self.assertEqual(mine.unit_id, self.unit | self.unit_b, "the empty flats only")
        self.assertFalse(created.unit_id.filtered(lambda u: u.unit_type != "residential"))
        # Nor by hand: the checklist is a flat's.
        with self.assertRefused(ValidationError, "B101 is a Parking Space, not a flat"):
            self.env["property.inspection"].create(
                {"template_id": self.vacant_template.id, "unit_id": parking.id}
            )

    def test_migration_removes_open_vacant_inspections_of_parking_spaces(self):
        parking = self.env["property.unit"].create(
            {"building_id": self.building.id, "floor": -1, "number": "B102", "area": 12.5}
        )
        flat, todo, done = self.env["property.inspection"].create(
            [
                {"template_id": self.vacant_template.id, "unit_id": self.unit.id},
                {"template_id": self.vacant_template.id, "unit_id": parking.id},
                {"template_id": self.vacant_template.id, "unit_id": parking.id, "state": "done"},
            ]
        )
        # As the old monthly run left them: inspections of a parking space.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE property_unit SET unit_type = 'parking' WHERE id = %s", [parking.id]
        )
        self.env.invalidate_all()
        self._run_migration("18.0.1.0.1/post-migrate.py", "18.0.1.0.0")
        self.assertFalse(todo.exists())
        self.assertTrue(done.exists(), "what was done stays on record")
        self.assertTrue(flat.exists())

    @freeze_time("2026-11-22 10:00:00")  # a Sunday: the last day of the week
    def test_supervisor_rounds_schedule_is_tracked(self):
        Inspection = self.env["property.inspection"]
        inspection = Inspection.with_user(self.supervisor).create(
            {"template_id": self.supervisor_round.id, "project_id": self.project.id}
        )
        inspection.line_ids.write({"result": "ok"})
        inspection.action_done()
        status = self.supervisor_round._schedule_status(date(2026, 11, 22))
        mine = status[(self.supervisor_round, self.supervisor)]
        self.assertEqual((mine["done"], mine["due"]), (1, 2))
        self.assertTrue(mine["late"], "one of the two weekly rounds is missing at week end")
        midweek = self.supervisor_round._schedule_status(date(2026, 11, 18))
        self.assertFalse(midweek[(self.supervisor_round, self.supervisor)]["late"])
        # What the supervisor sees in "My Schedule": one done, one more due today.
        mine = self.supervisor_round.with_user(self.supervisor)
        self.assertEqual(mine.my_done_count, 1)
        self.assertFalse(mine.my_late, "one round left and one day left: not behind yet")
        behind = self.env.ref(
            "property_butler_patrol.property_inspection_template_manager_round"
        ).with_user(self.manager)
        with freeze_time("2026-11-30 10:00:00"):
            behind.invalidate_recordset(["my_done_count", "my_late"])
            self.assertTrue(behind.my_late, "two monthly rounds due, none done, one day left")

    def test_register_prints_items_and_findings(self):
        inspection = self.env["property.inspection"].create(
            {"template_id": self.vacant_template.id, "unit_id": self.unit.id}
        )
        inspection.line_ids.write({"result": "ok"})
        inspection.line_ids[0].write({"result": "problem", "note": "Window left open"})
        inspection.action_done()
        report = self.env.ref("property_butler_patrol.property_inspection_report_register")
        html = report._render_qweb_html(report.report_name, inspection.ids)[0].decode()
        self.assertIn("Vacant Unit Inspection Register", html)
        self.assertIn("3-2-1502", html)
        self.assertIn("Window left open", html)
        self.assertIn(inspection.line_ids[0].ticket_id.name, html)
