from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestGrid(PropertyButlerCase):
    def test_grid_takes_units_of_its_buildings(self):
        grid = self._grid(self.butler, building_ids=self._set(self.building))
        self.assertEqual(grid.unit_ids, self.unit | self.unit2)
        self.assertEqual(self.unit.butler_id, self.butler)
        self.assertFalse(self.unit_b.grid_id)
        self.assertEqual(grid.unit_count, 2)
        self.assertEqual(
            self.unit.assignment_ids.filtered(lambda a: not a.date_end).butler_id, self.butler
        )

    def test_cluster_plus_and_minus_single_units(self):
        grid = self._grid(
            self.butler,
            cluster_ids=self._set(self.cluster),
            excluded_unit_ids=self._set(self.unit2),
        )
        self.assertEqual(grid.unit_ids, self.unit | self.unit_b)
        grid.excluded_unit_ids = False
        self.assertEqual(grid.unit_ids, self.unit | self.unit2 | self.unit_b)
        grid2 = self._grid(self.butler2, name="Small")
        grid.excluded_unit_ids = self._set(self.unit_b)
        grid2.extra_unit_ids = self._set(self.unit_b)
        self.assertEqual(self.unit_b.grid_id, grid2)
        self.assertEqual(self.unit_b.butler_id, self.butler2)

    def test_unit_in_at_most_one_active_grid(self):
        self._grid(self.butler, building_ids=self._set(self.building))
        grids_before = self.env["property.grid"].search_count([])
        with self.assertRefused(ValidationError, "at most one active grid.*3-2-150"):
            self._grid(self.butler2, cluster_ids=self._set(self.cluster))
        self.assertEqual(self.env["property.grid"].search_count([]), grids_before)
        self.assertEqual(self.unit_b.grid_id.id, False, "nothing half-written")

    def test_archived_grid_releases_its_units(self):
        grid = self._grid(self.butler, building_ids=self._set(self.building))
        grid.action_archive()
        self.assertFalse(self.unit.grid_id)
        self.assertTrue(all(self.unit.assignment_ids.mapped("date_end")))
        other = self._grid(self.butler2, building_ids=self._set(self.building))
        self.assertEqual(self.unit.grid_id, other)

    def test_new_unit_joins_the_grid_of_its_building(self):
        grid = self._grid(self.butler, building_ids=self._set(self.building))
        unit = self.env["property.unit"].create(
            {"building_id": self.building.id, "floor": 3, "number": "301", "area": 80}
        )
        self.assertEqual(unit.grid_id, grid)
        self.assertEqual(unit.assignment_ids.butler_id, self.butler)

    def test_reassignment_keeps_history(self):
        with freeze_time("2026-01-01 09:00:00"):
            grid = self._grid(
                self.butler, building_ids=self._set(self.building), backup_butler_id=self.butler2.id
            )
        with freeze_time("2026-07-01 09:00:00"):
            grid.butler_id = self.butler2
            grid.backup_butler_id = self.butler
        history = self.unit.assignment_ids.sorted("date_start")
        self.assertEqual(history.butler_id.ids, [self.butler.id, self.butler2.id])
        self.assertEqual(history[0].date_end, datetime(2026, 7, 1, 9, 0))
        self.assertFalse(history[1].date_end)
        Assignment = self.env["property.grid.assignment"]
        march = Assignment._butlers_at(self.unit | self.unit2, datetime(2026, 3, 1))
        self.assertEqual(march[self.unit.id], self.butler)
        august = Assignment._butlers_at(self.unit, datetime(2026, 8, 1))
        self.assertEqual(august[self.unit.id], self.butler2)
        self.assertEqual(self.unit.butler_id, self.butler2)

    def test_resident_shows_butler(self):
        self._grid(
            self.butler, building_ids=self._set(self.building), backup_butler_id=self.butler2.id
        )
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        self.assertEqual(self.owner.property_butler_ids, self.butler | self.butler2)
        my_residents = self.env["res.partner"].search(
            [("property_butler_ids", "in", self.butler.ids)]
        )
        self.assertEqual(my_residents, self.owner)

    def test_grid_cannot_mix_projects(self):
        other = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        with self.assertRefused(ValidationError, "belong to another project"):
            self.env["property.grid"].create(
                {
                    "name": "Wrong",
                    "project_id": other.id,
                    "butler_id": self.butler.id,
                    "building_ids": self._set(self.building),
                }
            )

    def test_backup_differs_from_butler(self):
        from psycopg2 import IntegrityError

        from odoo.tools import mute_logger

        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._grid(self.butler, backup_butler_id=self.butler.id)


@tagged("post_install", "-at_install")
class TestGridRegister(PropertyButlerCase):
    def test_register_lists_units_and_residents_in_chinese(self):
        grid = self._grid(self.butler, building_ids=self._set(self.building))
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        report = self.env.ref("property_butler.property_grid_report_register")
        html, _format = report._render_qweb_html(report.report_name, grid.ids)
        html = html.decode()
        self.assertIn("3-2-1502", html)
        self.assertIn("王芳", html)
        self.assertIn("13800000001", html)
        self.assertReportFont(html)

    def test_register_pdf_renders(self):
        grid = self._grid(self.butler, building_ids=self._set(self.building))
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1))
        report = self.env.ref("property_butler.property_grid_report_register")
        pdf, file_format = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, grid.ids
        )
        self.assertEqual(file_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
