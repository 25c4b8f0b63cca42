from datetime import date

from odoo.tests import tagged

from .common import PropertyButlerCase

# What the butler's grid list shows: 80 units with butler, status and residents.
GRID_LIST_SPEC = {
    "code": {},
    "unit_type": {},
    "area": {},
    "state": {},
    "key_customer": {},
    "butler_id": {"fields": {"display_name": {}}},
    "resident_ids": {"fields": {"display_name": {}}},
}


@tagged("post_install", "-at_install", "is_query_count")
class TestGridListQueryCount(PropertyButlerCase):
    """The butler's grid list costs a fixed number of queries whatever the estate size."""

    def _estate(self, size):
        project = self.env["property.project"].create(
            {"name": f"Estate {size}", "code": f"E{size}"}
        )
        floors = 25
        per_floor = 4
        buildings = self.env["property.building"].create(
            [
                {
                    "name": f"B{index}",
                    "code": str(index),
                    "project_id": project.id,
                    "floor_count": floors,
                    "units_per_floor": per_floor,
                }
                for index in range(1, size // (floors * per_floor) + 2)
            ]
        )
        vals = []
        for building in buildings:
            for floor in range(1, floors + 1):
                for position in range(1, per_floor + 1):
                    if len(vals) < size:
                        vals.append(
                            {
                                "building_id": building.id,
                                "floor": floor,
                                "number": f"{floor}{position:02d}",
                                "area": 90,
                            }
                        )
        units = self.env["property.unit"].create(vals)
        partners = self.env["res.partner"].create([{"name": f"Resident {i}"} for i in range(size)])
        self.env["property.occupancy"].create(
            [
                {"unit_id": unit.id, "partner_id": partner.id, "date_start": date(2024, 1, 1)}
                for unit, partner in zip(units, partners, strict=True)
            ]
        )
        grid = self._grid(
            self.butler,
            name=f"Grid {size}",
            project_id=project.id,
            building_ids=self._set(buildings),
        )
        self.assertEqual(grid.unit_count, size)
        return grid

    def _open_grid_list(self, grid):
        self.env.invalidate_all()
        Unit = self.env["property.unit"].with_user(self.butler)
        return Unit.web_search_read(
            domain=[("grid_id", "=", grid.id)], specification=GRID_LIST_SPEC, limit=80
        )

    def _assert_fixed_cost(self, size):
        self.company.property_grid_restricted = True
        grid = self._estate(size)
        self._open_grid_list(grid)  # warm the caches that do not depend on the data
        with self.assertQueryCount(11):
            result = self._open_grid_list(grid)
        self.assertEqual(result["length"], size)
        self.assertEqual(len(result["records"]), 80)
        first = result["records"][0]
        self.assertEqual(first["butler_id"]["id"], self.butler.id)
        self.assertEqual(first["state"], "occupied")
        self.assertEqual(len(first["resident_ids"]), 1)

    def test_grid_list_100_units(self):
        self._assert_fixed_cost(100)

    def test_grid_list_2000_units(self):
        self._assert_fixed_cost(2000)
