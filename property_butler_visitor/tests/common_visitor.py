from datetime import datetime

from odoo.addons.property_butler.tests.common import PropertyButlerCase

NOW = datetime(2026, 3, 10, 2, 0)  # 10:00 in Shanghai


class VisitorCase(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._residents()
        cls._occupy(cls.unit, cls.owner, date_start="2020-01-01")
        cls._occupy(cls.unit_b, cls.other_owner, date_start="2020-01-01")
        cls.other_company = cls.env["res.company"].create({"name": "Moon Bay Property"})
        cls.other_guard = cls._user("pb_other_guard", "patrol_guard", company=cls.other_company)
        cls.Pass = cls.env["property.visitor.pass"]
        cls.visit_pass = cls.Pass.create(
            {
                "name": "Liu Yang",
                "project_id": cls.project.id,
                "unit_id": cls.unit.id,
                "host_partner_id": cls.owner.id,
                "date_start": datetime(2026, 3, 10, 0, 0),
                "date_end": datetime(2026, 3, 10, 12, 0),
                "vehicle_plate": "粤A·3K721",
            }
        )
        cls.neighbour_pass = cls.Pass.create(
            {
                "name": "Chen Jing",
                "project_id": cls.project.id,
                "unit_id": cls.unit_b.id,
                "host_partner_id": cls.other_owner.id,
                "date_start": datetime(2026, 3, 10, 0, 0),
                "date_end": datetime(2026, 3, 10, 12, 0),
            }
        )
