from datetime import date

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
