from contextlib import closing
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import sql_db
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_billing import BillingCase


@tagged("post_install", "-at_install")
class TestMonthlyBilling(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parking = cls._parking_space()
        cls._fee_rate(cls.parking_fee, 300.0, unit_type="parking")
        cls._fee_rate(cls.water, 4.5)
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._billing_contact(cls.unit, cls.owner)
        cls._billing_contact(cls.parking, cls.owner, resides=False)
        cls.Billing = cls.env["property.billing"]

    def _lines(self, period, unit=None):
        domain = [
            ("property_period", "=", period),
            ("parent_state", "!=", "cancel"),
            # this estate's lines (the demo estate is billed too)
            ("property_unit_id.project_id", "=", self.project.id),
        ]
        if unit:
            domain.append(("property_unit_id", "=", unit.id))
        return self.env["account.move.line"].search(domain)

    def test_area_parking_and_metered_fees_of_a_month(self):
        self.env["property.meter.reading"].create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": self.water.id,
                "period": date(2026, 11, 1),
                "quantity": 12.5,
            }
        )
        moves = self.Billing._bill_period(date(2026, 11, 15), self.project)
        self.assertEqual(len(moves), 1, "one invoice per billing contact and month")
        self.assertEqual(moves.partner_id, self.owner)
        self.assertEqual(moves.state, "draft")
        self.assertEqual(moves.property_period, date(2026, 11, 1))
        amounts = {
            (line.property_unit_id, line.property_fee_type_id): line.price_unit
            for line in moves.invoice_line_ids
        }
        self.assertAlmostEqual(amounts[(self.unit, self.management)], 246.25)  # 98.5 m² × 2.5
        self.assertAlmostEqual(amounts[(self.parking, self.parking_fee)], 300.0)
        self.assertAlmostEqual(amounts[(self.unit, self.water)], 56.25)  # 12.5 m³ × 4.5
        self.assertIn("3-2-1502", moves.invoice_line_ids[0].name)
        self.assertIn("2026-11", moves.invoice_line_ids[0].name)

    def test_rate_change_splits_the_month(self):
        self.management_rate.date_to = date(2026, 12, 15)
        self.env["property.fee.rate"].create(
            {
                "project_id": self.project.id,
                "unit_type": "residential",
                "fee_type_id": self.management.id,
                "rate": 3.0,
                "date_from": date(2026, 12, 16),
            }
        )
        self.Billing._bill_period(date(2026, 12, 1), self.project)
        line = self._lines(date(2026, 12, 1), self.unit).filtered(
            lambda move_line: move_line.property_fee_type_id == self.management
        )
        # 15 days at 2.5 and 16 days at 3.0 of 31.
        self.assertAlmostEqual(line.price_unit, round(98.5 * (2.5 * 15 + 3.0 * 16) / 31, 2))
        self.assertIn("15/31", line.name)
        self.assertIn("16/31", line.name)

    def test_overlapping_rates_refused(self):
        with self.assertRefused(ValidationError, "already has a rate"):
            self.env["property.fee.rate"].create(
                {
                    "project_id": self.project.id,
                    "unit_type": "residential",
                    "fee_type_id": self.management.id,
                    "rate": 3.0,
                    "date_from": date(2026, 6, 1),
                }
            )

    def test_move_out_and_in_mid_month_prorate(self):
        seller = self._occupy(
            self.unit2,
            self.tenant,
            date_start=date(2020, 1, 1),
            date_end=date(2026, 12, 10),
            is_billing_contact=True,
        )
        self._occupy(
            self.unit2, self.other_owner, date_start=date(2026, 12, 11), is_billing_contact=True
        )
        self.assertTrue(seller)
        moves = self.Billing._bill_period(date(2026, 12, 1), self.project)
        lines = self._lines(date(2026, 12, 1), self.unit2)
        by_partner = {line.partner_id: line.price_unit for line in lines}
        self.assertAlmostEqual(by_partner[self.tenant], round(120 * 2.5 * 10 / 31, 2))
        self.assertAlmostEqual(by_partner[self.other_owner], round(120 * 2.5 * 21 / 31, 2))
        self.assertEqual(len(moves.filtered(lambda m: m.partner_id == self.tenant)), 1)

    def test_second_run_and_resumed_run_bill_nothing_twice(self):
        period = date(2026, 11, 1)
        other = self._occupy(
            self.unit_b, self.other_owner, date_start=date(2024, 1, 1), is_billing_contact=True
        )
        self.assertTrue(other)
        # A run "killed" after its first batch of contacts...
        first = self.Billing._bill_period(period, self.project, batch_size=1)
        self.assertEqual(len(first), 2)
        lines = len(self._lines(period))
        # ...then a full run, and another one: nothing more.
        self.assertFalse(self.Billing._bill_period(period, self.project))
        self.assertFalse(self.Billing._bill_period(period, self.project))
        self.assertEqual(len(self._lines(period)), lines)
        # A draft completed with what was missing, not a second invoice for the contact.
        self.env["property.meter.reading"].create(
            {"unit_id": self.unit.id, "fee_type_id": self.water.id, "period": period, "quantity": 3}
        )
        completed = self.Billing._bill_period(period, self.project)
        self.assertEqual(completed, first.filtered(lambda m: m.partner_id == self.owner))
        self.assertEqual(len(self._lines(period)), lines + 1)

    def test_two_runs_at_once_cannot_double_bill(self):
        period = date(2026, 11, 1)
        move = self.Billing._bill_period(period, self.project)
        line = move.invoice_line_ids[0]
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["account.move"].create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.owner.id,
                        "invoice_line_ids": [
                            (
                                0,
                                0,
                                {
                                    "product_id": line.product_id.id,
                                    "price_unit": 1,
                                    "property_unit_id": line.property_unit_id.id,
                                    "property_fee_type_id": line.property_fee_type_id.id,
                                    "property_period": period,
                                },
                            )
                        ],
                    }
                )
        # A cancelled invoice frees its fees to be billed again.
        move.button_cancel()
        again = self.Billing._bill_period(period, self.project)
        self.assertEqual(len(again.invoice_line_ids), len(move.invoice_line_ids))

    def test_fees_fall_due_on_the_company_due_day(self):
        # The contact's own payment terms (for other sales) do not move the fees' due date.
        self.owner.property_payment_term_id = self.env.ref("account.account_payment_term_30days")
        move = self.Billing._bill_period(date(2026, 11, 1), self.project)
        self.assertEqual(move.invoice_date_due, date(2026, 11, 14), "due on the 14th by default")
        move.action_post()
        self.assertEqual(move.invoice_date_due, date(2026, 11, 14))
        self.assertEqual(move.line_ids.filtered("date_maturity").date_maturity, date(2026, 11, 14))
        self.company.property_fee_due_day = 10
        december = self.Billing._bill_period(date(2026, 12, 1), self.project)
        self.assertEqual(december.invoice_date_due, date(2026, 12, 10))
        with self.assertRefused(ValidationError, "from the 1st to the 28th"):
            self.company.property_fee_due_day = 31

    def test_a_running_billing_holds_the_company_month_lock(self):
        """Two runs at once: the second waits for the first's transaction (a real second
        connection cannot take the company-month lock, nor the company-year lock of the
        billing cycles, while a run is not committed)."""
        self.Billing._bill_period(date(2026, 11, 1), self.project)
        key = [self.company.id, 202611]
        with closing(sql_db.db_connect(self.env.cr.dbname).cursor()) as other:
            other.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", key)
            self.assertFalse(other.fetchone()[0], "the other run must wait")
            other.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [self.company.id, 202612])
            self.assertTrue(other.fetchone()[0], "another month is not blocked")
            # ...but another run of the year waits for it: a cycle's months look up its lines.
            other.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [self.company.id, 202600])
            self.assertFalse(other.fetchone()[0], "the year's cycles are locked")
            other.rollback()

    def test_a_run_by_hand_that_collides_with_another_is_refused_whole(self):
        """Another run billed the same contacts after this one read what was billed: the
        unique index refuses the duplicates and the manager is told, nothing half-written."""
        original = type(self.Billing)._write_invoices

        def twice(billing, lines_by_partner, start):
            original(billing, lines_by_partner, start)  # the "other run"
            return original(billing, lines_by_partner, start)

        with (
            patch.object(type(self.Billing), "_write_invoices", twice),
            mute_logger("odoo.sql_db"),
            self.assertRefused(UserError, "at the same time"),
        ):
            self.Billing._bill_period(date(2026, 11, 1), self.project)
        self.assertFalse(self._lines(date(2026, 11, 1)), "nothing half-written")
        self.assertEqual(len(self.Billing._bill_period(date(2026, 11, 1), self.project)), 1)

    def test_scheduled_from_the_billing_day(self):
        with freeze_time("2026-11-27 02:00:00"):
            self.Billing._cron_monthly_billing()
            self.assertFalse(self._lines(date(2026, 12, 1)))
        with freeze_time("2026-11-28 02:00:00"):
            self.Billing._cron_monthly_billing()
            self.assertTrue(self._lines(date(2026, 12, 1)), "December prepared on the 28th")
        self.company.property_billing_day = 30
        with freeze_time("2026-12-29 02:00:00"):
            self.Billing._cron_monthly_billing()
            self.assertFalse(self._lines(date(2027, 1, 1)), "the company bills from the 30th")

    @freeze_time("2026-11-28 02:00:00")
    def test_scheduled_run_bills_a_batch_of_contacts_per_call(self):
        """The scheduler bills a batch of contacts per call, company by company and by id,
        each call after the last contact of the previous one; the calls bill what one run
        would."""
        # Three billing contacts of this estate at least, whether the demo estate is there or not.
        self._billing_contact(self.unit_b, self.other_owner)
        self._billing_contact(self.unit2, self.env["res.partner"].create({"name": "Third Owner"}))
        start, end = date(2026, 12, 1), date(2026, 12, 31)
        contacts = self.env["res.partner"]
        total = 0
        for company in self.env["res.company"].search([("property_billing_day", ">", 0)]):
            if company.property_billing_day <= 28:
                projects = self.env["property.project"].search([("company_id", "=", company.id)])
                company_contacts = self.Billing._billed_contacts(projects, start, end)
                contacts |= company_contacts
                total += len(company_contacts)
        self.assertIn(self.owner, contacts)
        size = total // 3 + 1
        cron = "property_butler_billing.property_billing_cron_monthly"
        moves, calls = self._run_as_scheduled(cron, "_cron_monthly_billing", batch_size=size)
        self.assertEqual(calls, self._batched_calls(total, size))
        self.assertGreater(len(calls), 1)
        self.assertIn(self.owner, moves.partner_id)
        self.assertLessEqual(moves.partner_id, contacts)
        self.assertEqual(len(moves.filtered(lambda m: m.partner_id == self.owner)), 1)
        lines = len(self._lines(start))
        self.assertTrue(lines)
        # The run is over: the next one (the next day, or again today) starts from the first
        # contact and finds everything billed.
        again, calls = self._run_as_scheduled(cron, "_cron_monthly_billing", batch_size=size)
        self.assertFalse(again)
        self.assertEqual(calls, self._batched_calls(total, size))
        self.assertEqual(len(self._lines(start)), lines)

    def test_butler_confirms_the_grids_invoices(self):
        move = self.Billing._bill_period(date(2026, 11, 1), self.project)
        with self.assertRefused(UserError, "outside your grid"):
            move.with_user(self.butler2).action_property_confirm()
        found = (
            self.env["account.move"]
            .with_user(self.butler)
            .search([("property_butler_ids", "in", self.butler.ids), ("state", "=", "draft")])
        )
        self.assertEqual(found, move, "the butler finds the drafts of the grid")
        total = move.amount_total
        move.with_user(self.butler).action_property_confirm()
        self.assertEqual(move.state, "posted")
        self.assertTrue(move.name.startswith("INV/"), "numbered in the sales journal")
        self.assertEqual(move.amount_total, total)
        self.assertEqual(move.amount_residual, total, "the receivable is open for the whole")
        receivable = move.line_ids.filtered(lambda line: line.display_type == "payment_term")
        self.assertAlmostEqual(receivable.balance, total)
        self.assertIn(self.owner, move.message_partner_ids, "the customer follows the invoice")
        self.assertIn("confirmed by", move.message_ids[0].body)
        self.assertIn(self.butler.name, move.message_ids[0].body)
        with self.assertRefused(UserError, "not a draft fee invoice"):
            move.with_user(self.butler).action_property_confirm()

    def test_confirmed_invoice_carries_its_taxes(self):
        """Confirmation does not recompute the invoice's lines: the draft's taxes and receivable
        are posted as they are, balanced."""
        vat = self.env["account.tax"].create(
            {"name": "VAT 6% (property services)", "amount": 6.0, "type_tax_use": "sale"}
        )
        self.management.product_id.taxes_id = vat
        self.parking_fee.product_id.taxes_id = False
        move = self.Billing._bill_period(date(2026, 11, 1), self.project)
        self.assertAlmostEqual(move.amount_tax, 14.78)  # 246.25 × 6 %
        draft_lines = sorted((line.display_type, line.balance) for line in move.line_ids)
        move.with_user(self.butler).action_property_confirm()
        self.assertEqual(move.state, "posted")
        self.assertEqual(
            sorted((line.display_type, line.balance) for line in move.line_ids), draft_lines
        )
        self.assertAlmostEqual(move.amount_total, 246.25 + 14.78 + 300.0)
        self.assertAlmostEqual(sum(move.line_ids.mapped("balance")), 0.0)
        tax_line = move.line_ids.filtered(lambda line: line.display_type == "tax")
        self.assertEqual(tax_line.tax_line_id, vat)
        self.assertAlmostEqual(tax_line.balance, -14.78)

    def test_manager_runs_a_month_by_hand(self):
        wizard = (
            self.env["property.billing.wizard"]
            .with_user(self.manager)
            .create({"period": date(2026, 10, 20), "project_ids": [(6, 0, self.project.ids)]})
        )
        action = wizard.action_run()
        self.assertEqual(
            action["domain"],
            [("property_period", "=", date(2026, 10, 1)), ("move_type", "=", "out_invoice")],
        )
        self.assertTrue(self._lines(date(2026, 10, 1)))


@tagged("post_install", "-at_install")
class TestMeterIndexes(BillingCase):
    """Readings typed as the meter's index at the end of the month: the consumption counted
    from the last month's index."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._fee_rate(cls.water, 4.5)
        cls._billing_contact(cls.unit, cls.owner)
        cls.Billing = cls.env["property.billing"]

    def _reading(self, period, **vals):
        return self.env["property.meter.reading"].create(
            {"unit_id": self.unit.id, "fee_type_id": self.water.id, "period": period, **vals}
        )

    def test_consumption_counted_from_the_previous_index(self):
        january = self._reading(date(2026, 1, 1), meter_index=120.0, quantity=10.0)
        self.assertEqual(january.quantity, 10.0, "nothing to count from: as typed")
        february = self._reading(date(2026, 2, 1), meter_index=135.5)
        self.assertEqual((february.previous_index, february.quantity), (120.0, 15.5))
        # The form counts it as the index is typed; a lower index is refused.
        form = Form(self.env["property.meter.reading"].with_user(self.supervisor))
        form.unit_id = self.unit
        form.fee_type_id = self.water
        form.period = date(2026, 3, 1)
        form.meter_index = 140.0
        self.assertEqual((form.previous_index, form.quantity), (135.5, 4.5))
        march = form.save()
        self.assertEqual(march.quantity, 4.5)
        with self.assertRefused(ValidationError, "lower than the previous"):
            self._reading(date(2026, 4, 1), meter_index=100.0)
        # A replaced meter: the consumption typed, no index.
        april = self._reading(date(2026, 4, 1), quantity=6.0)
        self.assertEqual(april.quantity, 6.0)
        # The billing run bills the counted consumption.
        self.Billing._bill_period(date(2026, 2, 1), self.project)
        line = self.env["account.move.line"].search(
            [
                ("property_unit_id", "=", self.unit.id),
                ("property_fee_type_id", "=", self.water.id),
                ("property_period", "=", date(2026, 2, 1)),
            ]
        )
        self.assertEqual(line.property_quantity, 15.5)

    def test_index_corrected_on_the_form(self):
        """The supervisor corrects February's index on its form: counted again from January's."""
        self._reading(date(2026, 1, 1), meter_index=120.0, quantity=10.0)
        february = self._reading(date(2026, 2, 1), meter_index=135.5)
        with Form(february.with_user(self.supervisor)) as form:
            self.assertEqual(form.previous_index, 120.0)
            form.meter_index = 131.0
            self.assertEqual(form.quantity, 11.0)
        self.assertEqual(february.quantity, 11.0)
