from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SIGNATURE, HandoverCase


@tagged("post_install", "-at_install")
class TestUnitHandover(HandoverCase):
    def test_checklist_and_meters_generated(self):
        handover = self._handover(user=self.butler)
        self.assertTrue(handover.name.startswith("HO/"))
        self.assertEqual(handover.state, "appointed")
        # the units' items of the takeover checklist, not the building's
        self.assertEqual(handover.line_ids.item_id, self.item_walls | self.item_water)
        # one opening index per metered fee of the unit (water: a rate for flats)
        self.assertEqual(handover.meter_ids.fee_type_id, self.water)
        handover.action_generate_lines()
        self.assertEqual(len(handover.line_ids), 2)
        self.assertEqual(len(handover.meter_ids), 1)

    def test_refused_without_signature_and_nothing_written(self):
        handover = self._handover()
        occupancies = self.env["property.occupancy"].search_count([])
        tickets = self.env["property.ticket"].search_count([])
        with self.assertRefused(
            UserError,
            "(?s)Check every item.*opening index.*Tick the documents.*Quality Guarantee.*keys.*not signed",
        ):
            handover.action_complete()
        self._ready(handover, signed=False)
        with self.assertRefused(UserError, "has not signed") as caught:
            handover.action_complete()
        self.assertNotIn("Check every item", str(caught.exception))
        self.assertEqual(handover.state, "appointed")
        self.assertFalse(handover.occupancy_id)
        self.assertEqual(self.env["property.occupancy"].search_count([]), occupancies)
        self.assertEqual(self.env["property.ticket"].search_count([]), tickets)
        # a meter not read is refused too
        handover.write({"signature": SIGNATURE})
        handover.meter_ids.unlink()
        with self.assertRefused(UserError, "Read the meter of Water"):
            handover.action_complete()

    def test_refused_in_chinese(self):
        handover = self._handover().with_context(lang="zh_CN")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "property_butler_unit_handover")]
        )._update_translations(["zh_CN"])
        self._ready(handover, signed=False)
        with self.assertRefused(UserError, "业主尚未签名"):
            handover.action_complete()

    def test_completion_starts_occupancy_and_billing_once(self):
        handover = self._handover(user=self.butler)
        # Before the handover the owner lives elsewhere: the estate's client, whose phone the
        # guards do not read.
        self.assertEqual(self.owner.sudo().property_client_company_ids, self.company)
        self.assertFalse(
            self.env["res.partner"].with_user(self.guard).search([("id", "=", self.owner.id)])
        )
        self._ready(handover)
        with freeze_time("2026-12-11 09:00:00"):
            handover.with_user(self.butler).action_complete()
        occupancy = handover.occupancy_id
        self.assertEqual(handover.state, "done")
        self.assertEqual(occupancy.partner_id, self.owner)
        self.assertEqual(occupancy.unit_id, self.unit)
        self.assertEqual(occupancy.role, "owner")
        self.assertEqual(occupancy.date_start, date(2026, 12, 11))
        self.assertTrue(occupancy.is_billing_contact)
        # the owner's defect became a repair ticket of the engineering department
        ticket = handover.line_ids.ticket_id
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.kind, "repair")
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(
            ticket.department_id,
            self.env.ref("property_butler_ticket.property_department_engineering"),
        )
        self.assertEqual(handover.ticket_count, 1)
        # exactly once
        with self.assertRefused(UserError, "already completed"):
            handover.action_complete()
        self.assertEqual(
            self.env["property.occupancy"].search_count([("unit_id", "=", self.unit.id)]), 1
        )
        self.assertEqual(len(handover.line_ids.ticket_id), 1)
        with self.assertRefused(UserError, "cannot be cancelled"):
            handover.action_cancel()
        # billing starts on the handover day: 21 days of December's management fee
        self.env["property.billing"]._bill_period(date(2026, 12, 1), self.project)
        lines = self.env["account.move.line"].search(
            [
                ("property_unit_id", "=", self.unit.id),
                ("property_period", "=", date(2026, 12, 1)),
                ("parent_state", "!=", "cancel"),
            ]
        )
        self.assertEqual(lines.partner_id, self.owner)
        self.assertAlmostEqual(sum(lines.mapped("price_unit")), round(98.5 * 2.5 * 21 / 31, 2))

    def test_grid_restriction(self):
        self.company.property_grid_restricted = True
        self._grid(self.butler, building_ids=self._set(self.building))
        self._grid(self.butler2, building_ids=self._set(self.building_b))
        mine = self._handover()
        theirs = self._handover(unit=self.unit_b, owner=self.other_owner)
        for model in (
            "property.unit.handover",
            "property.unit.handover.line",
            "property.unit.handover.meter",
        ):
            records = self.env[model].with_user(self.butler).search([])
            handovers = records if model == "property.unit.handover" else records.handover_id
            self.assertIn(mine, handovers, model)
            self.assertNotIn(theirs, handovers, model)
        with self.assertRaises(AccessError):
            theirs.with_user(self.butler).read(["partner_id"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.butler).action_complete()
        supervisor = self.Handover.with_user(self.supervisor).search([])
        self.assertIn(theirs, supervisor)
        # neither the front desk nor a resident reads handovers
        with self.assertRaises(AccessError):
            mine.with_user(self.front_desk).read(["partner_id"])
        self._residents()
        with self.assertRaises(AccessError):
            mine.with_user(self.resident).read(["partner_id"])
        # another company's butler does not see them at all
        company, _project, _building, _unit = self._moon_bay()
        outsider = self._user("pb_moon_butler", "butler", company=company)
        self.assertFalse(self.Handover.with_user(outsider).search([]))
        # unrestricted, the butler handles every handover of the company
        self.company.property_grid_restricted = False
        self.assertIn(theirs, self.Handover.with_user(self.butler).search([]))

    def test_building_progress(self):
        done = self._handover()
        self._ready(done)
        with self.assertRefused(UserError, "later than today"), freeze_time("2026-12-10"):
            done.action_complete()
        with freeze_time("2026-12-11"):
            done.action_complete()
        self._handover(unit=self.unit2, owner=self.tenant)
        self.building.invalidate_recordset()
        self.assertEqual(self.building.handover_done_count, 1)
        self.assertEqual(self.building.handover_pending_count, 1)
        self.assertEqual(self.building.handover_appointed_count, 1)
        self.assertAlmostEqual(self.building.handover_progress, 50.0)
        action = self.building.action_view_handovers()
        self.assertEqual(len(self.Handover.search(action["domain"])), 2)

    @freeze_time("2026-12-11 09:00:00")
    def test_status_only_through_the_buttons(self):
        handover = self._handover(user=self.butler)
        # every completion check skipped by writing the status, or the occupancy, is refused
        for vals in ({"state": "done"}, {"state": "cancelled"}, {"occupancy_id": False}):
            with self.assertRefused(UserError, "buttons only"):
                handover.write(vals)
        with self.assertRefused(UserError, "created appointed"):
            self._handover(unit=self.unit2, user=self.butler, state="done")
        self.assertEqual(handover.state, "appointed")
        self._ready(handover)
        handover.action_complete()
        self.assertEqual(handover.state, "done")
        occupancy = handover.occupancy_id
        # a completed handover cannot be reopened, cancelled, nor its owner, unit, date,
        # inspection or meters changed to complete it a second time
        with self.assertRefused(UserError, "buttons only"):
            handover.write({"state": "appointed"})
        with self.assertRefused(UserError, "cannot be cancelled"):
            handover.action_cancel()
        with self.assertRefused(UserError, "buttons only"):
            handover.write({"state": "cancelled"})
        for vals in (
            {"partner_id": self.other_owner.id},
            {"unit_id": self.unit2.id},
            {"date_handover": date(2026, 12, 1)},
            {"line_ids": [(5, 0, 0)]},
            {"meter_ids": [(5, 0, 0)]},
        ):
            with self.assertRefused(UserError, "completed handover cannot be changed"):
                handover.write(vals)
        with self.assertRefused(UserError, "joint inspection of a completed handover"):
            handover.line_ids[:1].result = "na"
        with self.assertRefused(UserError, "joint inspection of a completed handover"):
            handover.line_ids[:1].unlink()
        with self.assertRefused(UserError, "joint inspection of a completed handover"):
            self.env["property.unit.handover.line"].with_user(self.butler).create(
                {"handover_id": handover.id, "item_id": self.item_fire.id}
            )
        with self.assertRefused(UserError, "meter indexes of a completed handover"):
            handover.meter_ids.opening_index = 1
        with self.assertRefused(UserError, "meter indexes of a completed handover"):
            handover.meter_ids.unlink()
        with self.assertRefused(UserError, "already completed"):
            handover.action_complete()
        self.assertEqual(handover.occupancy_id, occupancy)
        self.assertEqual(handover.partner_id, self.owner)
        self.assertEqual(
            self.env["property.occupancy"].search_count(
                [
                    ("unit_id", "=", self.unit.id),
                    ("partner_id", "=", self.owner.id),
                    ("role", "=", "owner"),
                    ("date_start", "=", date(2026, 12, 11)),
                ]
            ),
            1,
        )
        # a cancelled handover goes back to appointed with its button
        other = self._handover(unit=self.unit2, user=self.butler)
        other.action_cancel()
        self.assertEqual(other.state, "cancelled")
        other.action_reset()
        self.assertEqual(other.state, "appointed")

    @freeze_time("2026-12-11 09:00:00")
    def test_opening_index_zero_is_a_reading(self):
        handover = self._handover(user=self.butler)
        self._ready(handover)
        meter = handover.meter_ids
        self.assertTrue(meter.reading_taken)
        # a new meter reads 0: accepted once it was read
        meter.opening_index = 0
        self.assertTrue(meter.reading_taken)
        self.assertEqual(meter.opening_index, 0)
        # a meter not read is refused, whatever its index
        meter.reading_taken = False
        with self.assertRefused(UserError, "opening index of every meter \\(Water\\)"):
            handover.action_complete()
        self.assertEqual(handover.state, "appointed")
        meter.reading_taken = True
        handover.action_complete()
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.meter_ids.opening_index, 0)

    def test_first_readings_count_from_the_opening_index(self):
        """The owner's first water bill: December's index less the handover's opening index;
        January's from December's."""
        handover = self._handover(user=self.butler)
        self._ready(handover)  # opening index 8.25 on 11 December
        Reading = self.env["property.meter.reading"]
        water = handover.meter_ids.fee_type_id
        # the developer's last reading, before the handover, does not count
        Reading.create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": water.id,
                "period": date(2026, 11, 1),
                "meter_index": 3.0,
                "quantity": 3.0,
            }
        )
        with freeze_time("2026-12-11 09:00:00"):
            handover.action_complete()
        december = Reading.create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": water.id,
                "period": date(2026, 12, 1),
                "meter_index": 11.75,
            }
        )
        self.assertEqual((december.previous_index, december.quantity), (8.25, 3.5))
        january = Reading.create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": water.id,
                "period": date(2027, 1, 1),
                "meter_index": 20.0,
            }
        )
        self.assertEqual((january.previous_index, january.quantity), (11.75, 8.25))

    def test_date_signed_set_at_create(self):
        handover = self._handover(user=self.butler, signature=SIGNATURE, signed_by="Owner")
        self.assertTrue(handover.date_signed)
        self.assertFalse(self._handover(unit=self.unit2).date_signed)

    def test_metered_fees_read_once_per_batch(self):
        handovers = self._handover() | self._handover(unit=self.unit2)
        queries = []
        Rate = type(self.env["property.fee.rate"])
        search = Rate.search

        def counting_search(records, *args, **kwargs):
            queries.append(args)
            return search(records, *args, **kwargs)

        with patch.object(Rate, "search", counting_search):
            handovers.action_generate_lines()
        self.assertEqual(len(queries), 1)
        fees = handovers._metered_fee_types()
        self.assertEqual(fees[handovers[0].id], self.water)

    def test_checklist_item_of_another_company_refused(self):
        company, _project, _building, _unit = self._moon_bay()
        item = self.env["property.takeover.checklist.item"].create(
            {"name": "Moon Bay walls", "area": "structure", "company_id": company.id}
        )
        handover = self._handover()
        self.assertNotIn(item, handover.line_ids.item_id)
        with self.assertRaises(UserError):
            self.env["property.unit.handover.line"].create(
                {"handover_id": handover.id, "item_id": item.id}
            )
