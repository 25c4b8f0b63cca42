from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestUnitGenerate(PropertyButlerCase):
    def _wizard(self, building, **values):
        form = Form(self.env["property.unit.generate"].with_user(self.manager))
        form.building_id = building
        for name, value in values.items():
            setattr(form, name, value)
        return form

    def test_generate_floors_times_units(self):
        building = self.env["property.building"].create(
            {
                "name": "B7",
                "code": "7",
                "project_id": self.project.id,
                "cluster_id": self.cluster.id,
                "floor_count": 12,
                "units_per_floor": 4,
            }
        )
        form = self._wizard(building, area=89.5)
        self.assertEqual(form.floor_to, 12, "defaults from the building")
        self.assertEqual(form.units_per_floor, 4)
        self.assertIn("48 units", form.preview)
        form.save().action_generate()
        units = building.unit_ids
        self.assertEqual(len(units), 48)
        self.assertIn("3-7-1204", units.mapped("code"))
        self.assertEqual(set(units.mapped("floor")), set(range(1, 13)))
        self.assertEqual(set(units.mapped("area")), {89.5})
        with self.assertRefused(UserError, "already exist"):
            self._wizard(building, area=89.5).save().action_generate()

    def test_generate_completes_missing_units_only(self):
        form = self._wizard(self.building, area=100, floor_from=15, floor_to=15)
        with self.assertRefused(UserError, "already exist"):
            form.save().action_generate()
        form = self._wizard(self.building, area=100, floor_from=14, floor_to=15)
        form.save().action_generate()
        self.assertEqual(
            sorted(self.building.unit_ids.mapped("number")),
            ["1401", "1402", "1501", "1502"],
            "1501 and 1502 existed: nothing duplicated",
        )

    def test_generate_refuses_floors_beyond_building_and_writes_nothing(self):
        before = len(self.building_b.unit_ids)
        form = self._wizard(self.building_b, area=60, floor_to=8)
        with self.assertRefused(ValidationError, "has floors 1 to 6"):
            form.save().action_generate()
        self.env.invalidate_all()
        self.assertEqual(len(self.building_b.unit_ids), before)

    def test_import_csv_template(self):
        Unit = self.env["property.unit"].with_user(self.manager)
        template = Unit.get_import_templates()[0]["template"]
        self.assertTrue(template.endswith(".csv"))
        fields = ["building_id", "floor", "number", "unit_type", "area"]
        result = Unit.load(
            fields,
            [
                [self.building_b.display_name, "1", "101", "residential", "75.5"],
                [self.building_b.display_name, "1", "102", "commercial", "60"],
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 2)
        self.assertEqual(Unit.browse(result["ids"]).mapped("code"), ["3-5-101", "3-5-102"])

    def test_import_bad_row_rejects_file_and_names_the_row(self):
        Unit = self.env["property.unit"].with_user(self.manager)
        before = Unit.search_count([])
        fields = ["building_id", "floor", "number", "unit_type", "area"]
        result = Unit.load(
            fields,
            [
                [self.building_b.display_name, "2", "201", "residential", "75.5"],
                [self.building_b.display_name, "9", "901", "residential", "75.5"],
                [self.building_b.display_name, "2", "202", "residential", "75.5"],
            ],
        )
        self.assertFalse(result["ids"], "the whole file is rejected")
        errors = [m for m in result["messages"] if m["type"] == "error"]
        second_row = [m for m in errors if m["rows"] == {"from": 1, "to": 1}]
        self.assertEqual(len(second_row), 1, "the second row (0-based 1) is named")
        self.assertIn("Unit 3-5-901 is on floor 9", second_row[0]["message"])
        self.assertFalse([m for m in errors if m["rows"]["from"] == 2], "the third row is fine")
        self.assertEqual(Unit.search_count([]), before)
