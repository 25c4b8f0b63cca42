from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.ir_cron import CronBatch
from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestEstate(PropertyButlerCase):
    def _assert_sql_refused(self, create, message):
        """The database refuses the write and the user gets the constraint's message."""
        with self.assertRaises(IntegrityError) as caught, mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                create()
        self.assertIn(message, str(_as_validation_error(self.env, caught.exception)))

    def test_unit_code_from_cluster_building_and_number(self):
        self.assertEqual(self.unit.code, "3-2-1502")
        self.assertEqual(self.unit.display_name, "3-2-1502")
        self.assertEqual(self.unit.project_id, self.project)
        self.assertEqual(self.unit.company_id, self.company)

    def test_duplicate_unit_code_refused_and_nothing_written(self):
        Unit = self.env["property.unit"]
        before = Unit.search_count([])
        self._assert_sql_refused(
            lambda: Unit.create(
                [
                    {"building_id": self.building.id, "floor": 16, "number": "1601", "area": 90},
                    {"building_id": self.building.id, "floor": 15, "number": "1502", "area": 90},
                ]
            ),
            "A unit with this code already exists in this project.",
        )
        self.assertEqual(Unit.search_count([]), before, "the valid unit of the batch is not kept")

    def test_same_code_allowed_in_another_project(self):
        project = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        cluster = self.env["property.cluster"].create(
            {"name": "C3", "code": "3", "project_id": project.id}
        )
        building = self.env["property.building"].create(
            {
                "name": "B2",
                "code": "2",
                "project_id": project.id,
                "cluster_id": cluster.id,
                "floor_count": 20,
            }
        )
        unit = self.env["property.unit"].create(
            {"building_id": building.id, "floor": 15, "number": "1502", "area": 70}
        )
        self.assertEqual(unit.code, self.unit.code)

    def test_area_must_be_positive(self):
        self._assert_sql_refused(
            lambda: self.env["property.unit"].create(
                {"building_id": self.building.id, "floor": 2, "number": "201", "area": 0}
            ),
            "The gross area of a unit must be greater than zero.",
        )

    def test_floor_within_building(self):
        with self.assertRefused(ValidationError, "has floors 1 to 18 and 1 basement"):
            self.env["property.unit"].create(
                {"building_id": self.building.id, "floor": 19, "number": "1901", "area": 80}
            )
        with self.assertRefused(ValidationError, "floor 0"):
            self.env["property.unit"].create(
                {"building_id": self.building.id, "floor": 0, "number": "001", "area": 80}
            )
        parking = self.env["property.unit"].create(
            {
                "building_id": self.building.id,
                "floor": -1,
                "number": "B1-P01",
                "area": 13,
                "unit_type": "parking",
            }
        )
        self.assertEqual(parking.code, "3-2-B1-P01")
        with self.assertRefused(ValidationError, "Unit 3-2-1502 is on floor 15"):
            self.building.floor_count = 10

    def test_occupancy_cannot_end_before_it_starts(self):
        self._assert_sql_refused(
            lambda: self._occupy(
                self.unit, self.owner, date_start=date(2026, 5, 1), date_end=date(2026, 4, 30)
            ),
            "An occupancy cannot end before it starts.",
        )

    @freeze_time("2026-11-22")
    def test_status_follows_occupancy(self):
        unit = self.unit
        self.assertEqual(unit.state, "unsold")
        owner = self._occupy(unit, self.owner, date_start=date(2024, 1, 1), resides=False)
        self.assertEqual(unit.state, "vacant", "an owner who lives elsewhere leaves it vacant")
        tenant = self._occupy(unit, self.tenant, role="tenant", date_start=date(2025, 3, 1))
        self.assertEqual(unit.state, "occupied")
        self.assertEqual(unit.resident_ids, self.tenant)
        self.assertEqual(unit.owner_ids, self.owner)
        self.assertEqual(unit.billing_partner_id, self.owner, "the owner pays by default")
        unit.is_decorating = True
        self.assertEqual(unit.state, "decorating", "decoration wins over occupancy")
        unit.is_decorating = False
        tenant.action_end_today()
        self.assertEqual(tenant.date_end, date(2026, 11, 22))
        self.assertEqual(unit.state, "occupied", "the tenant still lives there today")
        with freeze_time("2026-11-23"):
            self.env["property.unit"]._cron_refresh_state()
            self.assertEqual(unit.state, "vacant", "moved out yesterday: vacant again")
            self.assertEqual(tenant.state, "ended")
        self.assertEqual(len(unit.occupancy_ids), 2, "the history is kept")
        self.assertEqual(owner.state, "current")

    @freeze_time("2026-11-22")
    def test_future_move_in_takes_effect_on_its_day(self):
        occupancy = self._occupy(self.unit, self.owner, date_start=date(2026, 12, 1))
        self.assertEqual(occupancy.state, "future")
        self.assertEqual(self.unit.state, "unsold")
        with freeze_time("2026-12-01"):
            refreshed = self.env["property.unit"]._cron_refresh_state()
            self.assertIn(self.unit, refreshed)
            self.assertEqual(self.unit.state, "occupied")

    def test_cron_refreshes_a_batch_of_occupancies_per_call(self):
        with freeze_time("2026-11-22"):
            occupancies = self.env["property.occupancy"].concat(
                *(
                    self._occupy(unit, owner, date_start=date(2026, 11, 25))
                    for unit, owner in ((self.unit, self.owner), (self.unit2, self.other_owner))
                )
            )
            self.assertEqual(set((self.unit | self.unit2).mapped("state")), {"unsold"})
        with freeze_time("2026-11-26"):
            # The occupancies that started or ended in the last 7 days, the demo's too.
            window = self.env["property.occupancy"].search_count(
                [
                    "|",
                    "&",
                    ("date_start", ">", date(2026, 11, 19)),
                    ("date_start", "<=", date(2026, 11, 26)),
                    "&",
                    ("date_end", ">=", date(2026, 11, 19)),
                    ("date_end", "<", date(2026, 11, 26)),
                ]
            )
            units, calls = self._run_as_scheduled(
                "property_butler.property_unit_cron_refresh_state",
                "_cron_refresh_state",
                batch_size=1,
            )
            self.assertEqual(calls, self._batched_calls(window, 1))
            self.assertEqual(units & occupancies.unit_id, occupancies.unit_id)
            self.assertEqual(set((self.unit | self.unit2).mapped("state")), {"occupied"})

    def test_scheduled_job_batches_resume_where_the_previous_one_stopped(self):
        """ir.cron._property_run_batches: the scheduler's calls page on from the cursor of the
        previous call; a finished run starts over; Run Manually does one batch and triggers the
        scheduler for the rest; elsewhere every batch runs at once."""
        cron = self.env.ref("property_butler.property_unit_cron_refresh_state")
        Unit = self.env["property.unit"]
        seen = []

        def run_batch(cursor):
            seen.append(cursor)
            after = cursor or 0  # three items: 1, 2, 3
            return CronBatch(Unit, 1, 3 - after - 1, after + 1)

        def scheduled():
            progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
            Cron = self.env["ir.cron"].with_context(ir_cron_progress_id=progress.id)
            Cron.with_context(cron_id=cron.id)._property_run_batches(run_batch)
            return progress.done, progress.remaining

        self.assertEqual([scheduled() for _call in range(3)], [(1, 2), (1, 1), (1, 0)])
        self.assertEqual(seen, [None, 1, 2])
        seen.clear()
        self.assertEqual(scheduled(), (1, 2), "the next run starts over")
        self.assertEqual(seen, [None])
        self.assertEqual([scheduled() for _call in range(2)], [(1, 1), (1, 0)])
        # Run Manually: one batch, the scheduler does the rest.
        seen.clear()
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        self.env["ir.cron"].with_context(ir_cron_progress_id=progress.id)._property_run_batches(
            run_batch
        )
        self.assertEqual(seen, [None])
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
        self.assertEqual(scheduled(), (1, 1), "the scheduler goes on after the manual batch")
        # Not the scheduler (a wizard, a test): every batch, in the caller's transaction.
        seen.clear()
        self.env["ir.cron"]._property_run_batches(run_batch)
        self.assertEqual(seen, [None, 1, 2])

    def test_history_is_never_overwritten(self):
        occupancy = self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        for vals in (
            {"partner_id": self.tenant.id},
            {"unit_id": self.unit2.id},
            {"role": "tenant"},
            {"date_start": date(2023, 1, 1)},
        ):
            with self.assertRefused(UserError, "end this occupancy and register a new one"):
                occupancy.write(vals)
        occupancy.write({"date_end": date(2025, 1, 1), "note": "Sold the flat"})
        self.assertEqual(occupancy.date_end, date(2025, 1, 1))

    def test_one_billing_contact_at_a_time(self):
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1), is_billing_contact=True)
        with self.assertRefused(ValidationError, "already has a billing contact"):
            self._occupy(
                self.unit,
                self.tenant,
                role="tenant",
                date_start=date(2025, 1, 1),
                is_billing_contact=True,
            )
        # After the first one ends, a new billing contact is fine.
        self._occupy(
            self.unit2,
            self.owner,
            date_start=date(2020, 1, 1),
            date_end=date(2022, 12, 31),
            is_billing_contact=True,
        )
        new = self._occupy(
            self.unit2, self.other_owner, date_start=date(2023, 1, 1), is_billing_contact=True
        )
        self.assertEqual(self.unit2.billing_partner_id, new.partner_id)

    def test_same_person_same_role_twice_refused(self):
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        with self.assertRefused(ValidationError, "already registered as Owner"):
            self._occupy(self.unit, self.owner, date_start=date(2025, 1, 1))

    def test_contact_shows_its_units_and_unit_its_people(self):
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        self._occupy(self.unit, self.member, role="member", date_start=date(2024, 1, 1))
        self._occupy(self.unit_b, self.owner, date_start=date(2024, 1, 1), resides=False)
        self.assertEqual(self.owner.property_unit_ids, self.unit | self.unit_b)
        self.assertEqual(self.owner.property_unit_count, 2)
        self.assertEqual(self.unit.resident_ids, self.owner | self.member)
        residents = self.env["res.partner"].search([("property_is_resident", "=", True)])
        self.assertIn(self.member, residents)
        self.assertNotIn(self.tenant, residents)
        found = self.env["property.unit"].search([("resident_ids", "ilike", "王小明")])
        self.assertEqual(found, self.unit)

    def test_building_shows_units_floor_by_floor(self):
        html = str(self.building.floor_plan_html)
        self.assertIn("Floor 15", html)
        self.assertIn("1502", html)
        self.assertLess(
            html.index("Floor 15"), html.index("Floor -1") if "Floor -1" in html else len(html)
        )
        self.assertEqual(self.building.unit_count, 2)
        self.assertEqual(self.project.unit_count, 3)
        self.assertEqual(self.cluster.building_count, 2)

    def test_building_and_cluster_in_same_project(self):
        other = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        with self.assertRefused(ValidationError, "must belong to the same project"):
            self.env["property.building"].create(
                {"name": "X", "code": "9", "project_id": other.id, "cluster_id": self.cluster.id}
            )


@tagged("post_install", "-at_install")
class TestProjectOfAPerson(PropertyButlerCase):
    """The project a new record of a person is for: their grid's, the one they lead, or their
    company's only one."""

    def test_project_of(self):
        Project = self.env["property.project"]
        self._grid(self.butler)
        self.assertEqual(Project._project_of(self.butler), self.project)
        self.assertEqual(Project._project_of(self.supervisor), self.project, "he supervises it")
        self.assertEqual(
            Project.with_user(self.butler)._default_for_user(), self.project.with_user(self.butler)
        )
        company, project, _building, _unit = self._moon_bay()
        stranger = self._user("pb_moon_front_desk", "front_desk", company=company)
        self.assertEqual(Project._project_of(stranger), project, "the company's only project")
        Project.create({"name": "Moon Bay 2", "code": "MB2", "company_id": company.id})
        self.assertFalse(Project._project_of(stranger), "several: the person chooses")
