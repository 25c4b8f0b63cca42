from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler_billing.tests.common_billing import JANUARY, BillingCase

FEBRUARY = date(2026, 2, 1)
CHECKLIST = {
    "identity_checked": True,
    "documents_received": True,
    "covenant_signed": True,
    "handbook_given": True,
    "debit_offered": True,
    "cards_issued": True,
    "card_numbers": "0031501, 0031502",
}


@tagged("post_install", "-at_install")
class TestMove(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.water_rate = cls._fee_rate(cls.water, 4.0)
        cls.Move = cls.env["property.move"].with_user(cls.front_desk)

    def _move_in(self, **vals):
        return self.Move.create(
            {
                "kind": "in",
                "unit_id": self.unit2.id,
                "partner_id": self.tenant.id,
                "role": "tenant",
                "date": JANUARY,
                **vals,
            }
        )

    def _move_out(self, **vals):
        return self.Move.create(
            {
                "kind": "out",
                "unit_id": self.unit.id,
                "date": date(2026, 2, 20),
                "cards_returned": True,
                "goods_items": "Sofa, fridge, twelve boxes",
                "vehicle_plate": "粤A12345",
                "reading_ids": [Command.create({"fee_type_id": self.water.id, "quantity": 12.5})],
                **vals,
            }
        )

    # ------------------------------------------------------------------
    # Move-in
    # ------------------------------------------------------------------
    def test_move_in_refused_while_checklist_incomplete(self):
        move = self._move_in(**dict(CHECKLIST, covenant_signed=False, handbook_given=False))
        with self.assertRaisesRegex(UserError, "Management Covenant Signed, Residents' Handbook"):
            move.action_done()
        self.assertEqual(move.state, "draft")
        self.assertFalse(move.occupancy_ids)
        self.assertFalse(
            self.env["property.occupancy"].search([("unit_id", "=", self.unit2.id)]),
            "nothing is written when the checklist is refused",
        )

    def test_move_in_needs_card_numbers(self):
        move = self._move_in(**dict(CHECKLIST, card_numbers=" "))
        with self.assertRaisesRegex(UserError, "numbers of the access cards"):
            move.action_done()
        self.assertFalse(self.env["property.occupancy"].search([("unit_id", "=", self.unit2.id)]))

    def test_move_in_creates_the_occupancies_once(self):
        move = self._move_in(
            member_ids=[Command.set(self.other_owner.ids)], is_billing_contact=True, **CHECKLIST
        )
        move.action_done()
        occupancies = self.env["property.occupancy"].search([("unit_id", "=", self.unit2.id)])
        self.assertRecordValues(
            occupancies.sorted("role"),
            [
                {
                    "partner_id": self.other_owner.id,
                    "role": "member",
                    "date_start": JANUARY,
                    "is_billing_contact": False,
                },
                {
                    "partner_id": self.tenant.id,
                    "role": "tenant",
                    "date_start": JANUARY,
                    "is_billing_contact": True,
                },
            ],
        )
        self.assertEqual(move.occupancy_ids, occupancies)
        self.assertEqual(move.state, "done")
        self.assertEqual(occupancies.create_uid, self.front_desk)
        with self.assertRaisesRegex(UserError, "not in progress"):
            move.action_done()
        self.assertEqual(
            self.env["property.occupancy"].search_count([("unit_id", "=", self.unit2.id)]), 2
        )
        with self.assertRaises(UserError):
            move.unit_id = self.unit_b

    # ------------------------------------------------------------------
    # Move-out
    # ------------------------------------------------------------------
    def test_move_out_proposes_the_unit_occupancies(self):
        member = self._occupy(self.unit, self.member, role="member", date_start=JANUARY)
        move = self._move_out()
        self.assertEqual(move.occupancy_ids.partner_id, self.owner | member.partner_id)

    def test_move_out_refuses_unsettled_arrears(self):
        january = self._bill_january().filtered(lambda m: m.partner_id == self.owner)
        occupancy = self.unit.current_occupancy_ids
        with freeze_time("2026-02-20"):
            move = self._move_out()
            self.assertEqual(move.arrears_amount, january.amount_residual)
            self.assertTrue(move.arrears_amount)
            self.assertIn("2026-01", move.arrears_detail)
            move.arrears_decision = "settled"
            with self.assertRaisesRegex(UserError, "arrears .* are not settled"):
                move.action_done()
            self.assertFalse(occupancy.date_end)
            self.assertFalse(move.goods_release_id)
            self.assertFalse(
                self.env["property.meter.reading"].search([("unit_id", "=", self.unit.id)])
            )
            move.arrears_decision = "agreement"
            with self.assertRaisesRegex(UserError, "agreement"):
                move.action_done()
            move.arrears_agreement = "Pays the January fees by 15 March"
            move.action_done()
        self.assertEqual(move.state, "done")
        self.assertEqual(occupancy.date_end, date(2026, 2, 20))

    def test_move_out_after_payment(self):
        moves = self._bill_january()
        self._pay(moves)
        with freeze_time("2026-02-20"):
            move = self._move_out(arrears_decision="settled")
            self.assertEqual(move.arrears_amount, 0.0)
            move.action_done()
        self.assertEqual(move.state, "done")

    def test_final_readings_billed_goods_release_occupancy_ended(self):
        occupancy = self.unit.current_occupancy_ids
        with freeze_time("2026-02-20"):
            move = self._move_out(deposit_amount=2000, deposit_decision="refund")
            move.action_done()
        reading = self.env["property.meter.reading"].search([("unit_id", "=", self.unit.id)])
        self.assertRecordValues(
            reading, [{"fee_type_id": self.water.id, "period": FEBRUARY, "quantity": 12.5}]
        )
        invoices = move.sudo().final_invoice_ids
        self.assertEqual(invoices.partner_id, self.owner)
        water = invoices.invoice_line_ids.filtered(
            lambda line: line.property_fee_type_id == self.water
        )
        self.assertRecordValues(
            water, [{"property_period": FEBRUARY, "property_quantity": 12.5, "price_unit": 50.0}]
        )
        management = invoices.invoice_line_ids - water
        self.assertEqual(management.property_date_to, date(2026, 2, 20), "billed to the move-out")
        self.assertEqual(move.final_invoice_count, 1)
        self.assertRecordValues(
            move.goods_release_id,
            [
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "date": date(2026, 2, 20),
                    "items": "Sofa, fridge, twelve boxes",
                    "vehicle_plate": "粤A12345",
                    "state": "approved",
                    "approved_by_id": self.front_desk.id,
                }
            ],
        )
        self.assertEqual(occupancy.date_end, date(2026, 2, 20))
        with freeze_time("2026-02-21"):
            self.assertEqual(occupancy.state, "ended")

    def test_move_out_refuses_missing_reading(self):
        occupancy = self.unit.current_occupancy_ids
        with freeze_time("2026-02-20"):
            move = self._move_out(reading_ids=False)
            with self.assertRaisesRegex(UserError, "final meter readings first: Water"):
                move.action_done()
        self.assertFalse(occupancy.date_end)
        self.assertFalse(
            self.env["account.move"].search(
                [
                    ("property_period", "=", FEBRUARY),
                    ("invoice_line_ids.property_unit_id", "=", self.unit.id),
                ]
            )
        )

    def test_move_out_refuses_existing_reading(self):
        self.env["property.meter.reading"].create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": self.water.id,
                "period": FEBRUARY,
                "quantity": 3,
            }
        )
        with freeze_time("2026-02-20"):
            move = self._move_out()
            with self.assertRaisesRegex(UserError, "already has a reading of Water"):
                move.action_done()
        self.assertFalse(self.unit.current_occupancy_ids.date_end)

    def test_move_out_deposit_and_cards(self):
        with freeze_time("2026-02-20"):
            move = self._move_out(deposit_amount=2000)
            with self.assertRaisesRegex(UserError, "refunded or kept"):
                move.action_done()
            move.deposit_decision = "keep"
            with self.assertRaisesRegex(UserError, "reason"):
                move.action_done()
            move.write({"deposit_reason": "Broken door", "cards_returned": False})
            with self.assertRaisesRegex(UserError, "access cards must be returned"):
                move.action_done()
            self.assertFalse(move.goods_release_id)
            move.cards_returned = True
            move.action_done()
        self.assertEqual(move.state, "done")

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def test_butlers_see_their_grids_moves_when_restricted(self):
        move = self._move_out()
        move_b = self.Move.create({"kind": "out", "unit_id": self.unit_b.id})
        self.company.property_grid_restricted = True
        Move = self.env["property.move"]
        mine = [("project_id", "=", self.project.id)]
        self.assertEqual(Move.with_user(self.butler).search(mine), move)
        self.assertEqual(Move.with_user(self.butler2).search(mine), move_b)
        self.assertEqual(Move.with_user(self.supervisor).search(mine), move | move_b)
        Reading = self.env["property.move.reading"]
        self.assertEqual(
            Reading.with_user(self.butler).search([("move_id", "in", (move | move_b).ids)]),
            move.reading_ids,
        )
        self.assertFalse(Reading.with_user(self.butler2).search([("move_id", "=", move.id)]))
        self.company.property_grid_restricted = False
        self.assertEqual(Move.with_user(self.butler2).search(mine), move | move_b)
        self._residents()
        with self.assertRaises(AccessError):
            move.with_user(self.resident).read(["name"])

    def test_front_desk_reads_no_invoice(self):
        self._bill_january()
        with freeze_time("2026-02-20"):
            move = self._move_out()
            self.assertTrue(move.arrears_amount)
            with self.assertRaises(AccessError):
                move.read(["final_invoice_ids"])

    def test_weekly_statistics(self):
        self._move_in(**CHECKLIST).action_done()
        with freeze_time("2026-02-20"):
            self._move_out(arrears_decision="settled").action_done()
        groups = self.env["property.move"]._read_group(
            [("state", "=", "done"), ("project_id", "=", self.project.id)],
            ["date:week", "project_id", "kind"],
            ["__count"],
        )
        self.assertEqual(len(groups), 2)
        self.assertEqual({g[2] for g in groups}, {"in", "out"})

    def test_front_desk_move_out_form(self):
        occupancy = self.unit.current_occupancy_ids
        with freeze_time("2026-02-20"):
            with Form(self.Move.with_context(default_kind="out")) as form:
                form.unit_id = self.unit
                self.assertEqual(form.occupancy_ids[:], self.unit.current_occupancy_ids)
                form.cards_returned = True
                form.goods_items = "Boxes"
                form.deposit_amount = 1000
                form.deposit_decision = "refund"
                with form.reading_ids.new() as reading:
                    reading.fee_type_id = self.water
                    reading.quantity = 7
            move = form.record
            move.action_done()
        self.assertEqual(move.state, "done")
        self.assertEqual(move.final_invoice_count, 1)
        self.assertEqual(occupancy.date_end, date(2026, 2, 20))

    def test_move_in_overlap_refused_leaves_nothing(self):
        self._occupy(self.unit2, self.tenant, role="tenant", date_start=JANUARY)
        move = self._move_in(member_ids=[Command.set(self.other_owner.ids)], **CHECKLIST)
        with self.assertRaisesRegex(ValidationError, "already registered as"):
            move.action_done()
        self.assertEqual(move.state, "draft")
        self.assertFalse(
            self.env["property.occupancy"].search(
                [("unit_id", "=", self.unit2.id), ("partner_id", "=", self.other_owner.id)]
            ),
            "the household member is not registered either",
        )
