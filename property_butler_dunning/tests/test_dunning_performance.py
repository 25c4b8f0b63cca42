from contextlib import contextmanager, suppress
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common_dunning import DunningCase

# The queries of each dunning run, the same whatever the number of unpaid units: everything is
# read up front, then written in batches of 500 cases with a fixed number of queries per batch
# (a batch writes its rows 100 per INSERT/UPDATE, the ORM's chunk: up to 100 cases, as here,
# every run costs exactly this; bench/bench_dunning.py measures full batches).
QUERIES_OPEN = 24  # 2026-01-16: a case per unpaid unit, the 1st stage and its activities
QUERIES_MONTHLY = 18  # 2026-02-16: the 2nd month's call, a new activity each (no stage change)
QUERIES_MOVE = 22  # 2026-02-25: every case moves to the 2nd stage, a new activity each
QUERIES_RERUN = 8  # 2026-02-25 again: nothing to do
QUERIES_NEXT_QUARTER = 39  # 2026-04-16: Q1 cases closed, Q2 cases opened at the 1st stage


class _RolledBack(Exception):
    pass


@tagged("post_install", "-at_install", "is_query_count")
class TestDunningQueryCount(DunningCase):
    """The daily dunning run costs a fixed number of queries: the same for 5 and for 40 unpaid
    units (everything is read up front in a few queries, then written in batches)."""

    SMALL, LARGE = 5, 40

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        count = cls.SMALL + cls.LARGE
        building = cls.env["property.building"].create(
            {
                "name": "Building 9",
                "code": "9",
                "project_id": cls.project.id,
                "floor_count": 5,
                "units_per_floor": 10,
            }
        )
        units = cls.env["property.unit"].create(
            [
                {
                    "building_id": building.id,
                    "floor": index // 10 + 1,
                    "number": f"{index // 10 + 1}{index % 10 + 1:02d}",
                    "area": 80 + index,
                }
                for index in range(count)
            ]
        )
        owners = cls.env["res.partner"].create([{"name": f"業主 {i}"} for i in range(count)])
        cls.env["property.occupancy"].create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": owner.id,
                    "role": "owner",
                    "date_start": date(2024, 1, 1),
                    "is_billing_contact": True,
                }
                for unit, owner in zip(units, owners, strict=True)
            ]
        )
        cls._grid(cls.butler, building_ids=cls._set(building))
        # Statements of January 2026, due on the 5th, none paid.
        with freeze_time("2026-01-01"):
            moves = cls.env["property.billing"]._bill_period(date(2026, 1, 1), cls.project)
            moves.action_post()
            moves.invoice_date_due = date(2026, 1, 5)
        cls.estates = {
            size: (units[part], moves.filtered(lambda m, part=part: m.partner_id in owners[part]))
            for size, part in (
                (cls.SMALL, slice(None, cls.SMALL)),
                (cls.LARGE, slice(cls.SMALL, None)),
            )
        }
        cls.stages = ref("property_butler_dunning.property_dunning_stage_call") | ref(
            "property_butler_dunning.property_dunning_stage_reason"
        )

    def _run(self, day):
        # As the scheduler runs it: chatter and tracking on.
        with freeze_time(day):
            self.env["property.dunning.case"].with_context(tracking_disable=False)._cron_dunning()

    def _warm_up(self):
        """Run the calendar once and roll it back: the caches that do not depend on the data
        (fields, subtypes, xml ids, translations) are filled before the measured runs."""
        with suppress(_RolledBack), self.env.cr.savepoint():
            for day in ("2026-01-16", "2026-02-16", "2026-02-25", "2026-04-16"):
                self._run(day)
            self.env.flush_all()
            self.env.cr.flush()  # the precommit hooks too (bus notifications)
            raise _RolledBack
        self.env.invalidate_all()

    @contextmanager
    def assertExactQueryCount(self, expected):
        """assertQueryCount, which lets a smaller count pass, and the exact count checked."""
        with self.assertQueryCount(expected):
            start = self.cr.sql_log_count
            yield
            self.env.flush_all()
            self.env.cr.flush()
            count = self.cr.sql_log_count - start
        self.assertEqual(count, expected)

    def _measured_run(self, day, expected):
        self.env.invalidate_all()
        with self.assertExactQueryCount(expected):
            self._run(day)

    def _assert_fixed_cost(self, size):
        units, moves = self.estates[size]
        # Only this estate is overdue: the other one's statements fall due at the end of the year.
        for other, (_units, other_moves) in self.estates.items():
            if other != size:
                other_moves.invoice_date_due = date(2026, 12, 31)
        self.assertEqual(moves.invoice_line_ids.property_unit_id, units)
        self._warm_up()
        Case = self.env["property.dunning.case"]
        Activity = self.env["mail.activity"]

        self._measured_run("2026-01-16", QUERIES_OPEN)
        cases = Case.search([("unit_id", "in", units.ids)])
        self.assertEqual(len(cases), size)
        self.assertEqual(Case.search_count([]), size, "only this estate is dunned")
        self.assertEqual(set(cases.mapped("state")), {"open"})
        self.assertEqual(cases.stage_id, self.stages[0])
        self.assertEqual(cases.notified_stage_id, self.stages[0])
        activities = Activity.search([("res_model", "=", Case._name), ("res_id", "in", cases.ids)])
        self.assertEqual(len(activities), size)
        self.assertEqual(activities.user_id, self.butler)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 1, 21)})
        self.assertIn(self.butler.partner_id, cases[0].message_partner_ids)
        self.assertEqual(
            len(
                cases.message_follower_ids.filtered(
                    lambda f: f.partner_id == self.butler.partner_id
                )
            ),
            size,
            "the butler follows each case once",
        )
        # Chatter as mail.thread would write it: a creation note and a stage tracking each.
        tracking = cases.message_ids.tracking_value_ids
        self.assertEqual(len(tracking), size)
        self.assertEqual(set(tracking.mapped("new_value_char")), {self.stages[0].name})

        self._measured_run("2026-02-16", QUERIES_MONTHLY)
        self.assertEqual(cases.stage_id, self.stages[0])
        self.assertEqual(set(cases.mapped("notified_period")), {date(2026, 2, 1)})
        self.assertEqual(
            Activity.search_count([("res_model", "=", Case._name), ("res_id", "in", cases.ids)]),
            2 * size,
        )
        self.assertEqual(len(cases.message_ids.tracking_value_ids), size, "no stage change")

        self._measured_run("2026-02-25", QUERIES_MOVE)
        self.assertEqual(cases.stage_id, self.stages[1])
        self.assertEqual(
            Activity.search_count([("res_model", "=", Case._name), ("res_id", "in", cases.ids)]),
            3 * size,
        )
        self.assertEqual(len(cases.message_ids.tracking_value_ids), 2 * size)

        self._measured_run("2026-02-25", QUERIES_RERUN)
        self.assertEqual(
            Activity.search_count([("res_model", "=", Case._name), ("res_id", "in", cases.ids)]),
            3 * size,
            "a re-run creates nothing",
        )
        self.assertEqual(Case.search_count([]), size)

        self._measured_run("2026-04-16", QUERIES_NEXT_QUARTER)
        self.assertEqual(set(cases.mapped("state")), {"closed"})
        self.assertFalse(cases.activity_ids, "closed cases keep no pending activity")
        next_cases = Case.search([("unit_id", "in", units.ids)]) - cases
        self.assertEqual(len(next_cases), size)
        self.assertEqual(set(next_cases.mapped("quarter")), {date(2026, 4, 1)})
        self.assertEqual(next_cases.stage_id, self.stages[0])
        self.assertEqual(len(next_cases.activity_ids), size)

    def test_dunning_run_5_unpaid_units(self):
        self._assert_fixed_cost(self.SMALL)

    def test_dunning_run_40_unpaid_units(self):
        self._assert_fixed_cost(self.LARGE)
