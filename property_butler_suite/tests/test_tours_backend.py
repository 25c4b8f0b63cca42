"""What a person clicks through in the web client, in headless Chromium (web_tour)."""

from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler_billing.tests.common_billing import ensure_accounting

from odoo.addons.property_butler.tests.common import local_today


@tagged("post_install", "-at_install")
class TestBackendTours(HttpCase):
    """The demo staff (login = password) on a small estate of their own: Tour Garden."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.company = cls.env.company
        ensure_accounting(cls.env, cls.company)
        cls.manager = ref("property_butler.user_manager")
        cls.butler = ref("property_butler.user_butler1")
        cls.front_desk = ref("property_butler.user_front_desk")
        # Steps find records by their English names.
        (cls.manager | cls.butler | cls.front_desk).write({"lang": "en_US"})
        cls.project = cls.env["property.project"].create({"name": "Tour Garden", "code": "TG"})
        cls.building = cls.env["property.building"].create(
            {"name": "Tour Tower", "code": "TG9", "project_id": cls.project.id, "floor_count": 9}
        )
        cls.vacant, cls.billed = cls.env["property.unit"].create(
            [
                {"building_id": cls.building.id, "floor": 8, "number": "0801", "area": 90.0},
                {"building_id": cls.building.id, "floor": 8, "number": "0802", "area": 100.0},
            ]
        )
        cls.env["property.grid"].create(
            {
                "name": "Tour Grid",
                "project_id": cls.project.id,
                "butler_id": cls.butler.id,
                "building_ids": [Command.set(cls.building.ids)],
            }
        )
        cls.owner, cls.resident = cls.env["res.partner"].create(
            [{"name": "Tour Owner"}, {"name": "Tour Resident"}]
        )
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.billed.id,
                "partner_id": cls.owner.id,
                "date_start": date(2020, 1, 1),
                "is_billing_contact": True,
            }
        )
        management = ref("property_butler_billing.property_fee_type_management")
        cls.fee_type = cls.env["property.fee.type"].create(
            {
                "name": "Tour Fee",
                "product_id": management.product_id.id,
                "computation": "area",
            }
        )

    def test_manager_sets_a_rate_and_bills_butler_confirms(self):
        self.start_tour("/odoo", "property_fee_schedule_billing", login="manager")
        rate = self.env["property.fee.rate"].search([("project_id", "=", self.project.id)])
        self.assertRecordValues(
            rate,
            [
                {
                    "fee_type_id": self.fee_type.id,
                    "unit_type": "residential",
                    "rate": 3.2,
                    "date_from": local_today(self.manager).replace(month=1, day=1),
                }
            ],
        )
        move = self.env["account.move"].search(
            [("property_period", "!=", False), ("partner_id", "=", self.owner.id)]
        )
        self.assertEqual(move.state, "draft")
        self.assertEqual(move.property_unit_ids, self.billed)
        self.assertAlmostEqual(
            sum(move.invoice_line_ids.filtered("property_fee_type_id").mapped("price_subtotal")),
            320.0,
        )

        self.start_tour("/odoo", "property_fee_confirm", login="butler1")
        self.assertEqual(move.state, "posted")

    def test_front_desk_records_a_move_in(self):
        self.start_tour("/odoo", "property_move_in", login="frontdesk")
        occupancy = self.env["property.occupancy"].search([("unit_id", "=", self.vacant.id)])
        self.assertRecordValues(
            occupancy,
            [
                {
                    "partner_id": self.resident.id,
                    "role": "tenant",
                    "date_start": local_today(self.front_desk),
                    "create_uid": self.front_desk.id,
                }
            ],
        )

    def test_butler_takes_a_complaint_to_the_signed_record(self):
        self.start_tour("/odoo", "property_complaint", login="butler1")
        complaint = self.env["property.ticket"].search([("unit_id", "=", self.billed.id)])
        self.assertRecordValues(
            complaint,
            [
                {
                    "kind": "complaint",
                    "partner_id": self.owner.id,
                    "title": "Noise from the gym at night",
                    "judgement": "valid",
                    "judgement_reason": "Music after 22:00 breaks the estate rules",
                    "responsible_department_id": self.env.ref(
                        "property_butler_ticket.property_department_customer_service"
                    ).id,
                    "signed_by": "Tour Owner",
                    "is_closed": True,
                    "create_uid": self.butler.id,
                }
            ],
        )
        self.assertIn("22:00", complaint.solution)
        self.assertIn("stop the music", complaint.reply)
        self.assertTrue(complaint.signature)
        self.assertTrue(complaint.date_responded)
        self.assertTrue(complaint.date_done)
