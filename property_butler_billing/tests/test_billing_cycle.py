from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_billing import BillingCase

AREA = 98.5  # 3-2-1502
RATE = 2.5  # the management fee per m² and month


@tagged("post_install", "-at_install")
class TestBillingCycles(BillingCase):
    """A fee of the schedule billed by the quarter, half-year or year: in advance on the
    statement of the cycle's first month, for the whole cycle, prorated by day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._billing_contact(cls.unit, cls.owner)
        cls.Billing = cls.env["property.billing"]

    def _cycle(self, cycle):
        self.management_rate.billing_cycle = cycle

    def _management_lines(self, partner=None, unit=None):
        return self.env["account.move.line"].search(
            [
                ("property_unit_id", "=", (unit or self.unit).id),
                ("property_fee_type_id", "=", self.management.id),
                ("partner_id", "=", (partner or self.owner).id),
                ("parent_state", "!=", "cancel"),
            ],
            order="property_period",
        )

    def _run(self, *months):
        """The run of each month, for the estate."""
        for month in months:
            self.Billing._bill_period(month, self.project)

    def test_new_rates_are_monthly_and_cycles_align_to_the_calendar(self):
        self.assertEqual(self.management_rate.billing_cycle, "monthly")
        with Form(self.env["property.fee.rate"].with_user(self.manager)) as rate:
            rate.project_id = self.project
            rate.unit_type = "commercial"
            rate.fee_type_id = self.management
            rate.rate = 5.5
            rate.date_from = date(2026, 1, 1)
            self.assertEqual(rate.billing_cycle, "monthly", "existing behaviour unchanged")
            rate.billing_cycle = "half_yearly"
        self.assertEqual(rate.record.billing_cycle, "half_yearly")
        with self.assertRefused(ValidationError, "metered"):
            self._fee_rate(self.water, 4.5).billing_cycle = "quarterly"

    def test_quarterly_billed_in_january_for_the_quarter_and_nothing_in_feb_march(self):
        self._cycle("quarterly")
        with freeze_time("2025-12-28 02:00:00"):
            self.Billing._cron_monthly_billing()  # January's run, on the billing day
        line = self._management_lines()
        self.assertEqual(len(line), 1, "one line for the quarter")
        self.assertEqual(line.property_period, date(2026, 1, 1), "on January's statement")
        self.assertEqual(line.move_id.invoice_date, date(2026, 1, 1))
        self.assertEqual(
            (line.property_date_from, line.property_date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertAlmostEqual(line.price_unit, round(AREA * RATE * 3, 2))
        self.assertIn("2026-01~2026-03", line.name)
        self.assertIn("98.5 × 2.5 × 3", line.name)
        self._run(date(2026, 2, 1), date(2026, 3, 1))
        self.assertEqual(self._management_lines(), line, "nothing in February and March")
        self.Billing._bill_period(date(2026, 2, 1), self.project)
        self.Billing._bill_period(date(2026, 1, 1), self.project)
        self.assertEqual(self._management_lines(), line, "re-runs by hand bill nothing twice")
        self._run(date(2026, 4, 1))
        second = self._management_lines() - line
        self.assertEqual(second.property_period, date(2026, 4, 1), "April starts a quarter")
        self.assertIn("2026-04~2026-06", second.name)

    def test_statement_shows_the_cycle_billed_in_advance(self):
        self._cycle("quarterly")
        self._run(date(2026, 1, 1))
        report = "property_butler_billing.property_statement_report"
        data = {"period": "2026-01-01"}
        stmt = self.env[
            "report.property_butler_billing.property_statement_document"
        ]._get_report_values(self.owner.ids, data=data)["statements"][self.owner.id]
        (charge,) = stmt["charges"]
        self.assertEqual(charge["months"], "2026-01~2026-03")
        self.assertEqual((charge["quantity"], charge["rate"]), (AREA, RATE))
        html = self.env["ir.actions.report"]._render_qweb_html(report, self.owner.ids, data)[0]
        self.assertIn(
            "Billed in advance for <span>2026-01~2026-03</span>: <span>98.5 × 2.5 × 3</span>",
            html.decode(),
        )

    def test_half_yearly_billed_in_january_and_july(self):
        self._cycle("half_yearly")
        self._run(*(date(2026, month, 1) for month in range(1, 9)))
        lines = self._management_lines()
        self.assertEqual(lines.mapped("property_period"), [date(2026, 1, 1), date(2026, 7, 1)])
        self.assertEqual(lines.mapped("property_date_to"), [date(2026, 6, 30), date(2026, 12, 31)])
        self.assertAlmostEqual(lines[0].price_unit, round(AREA * RATE * 6, 2))
        self.assertIn("2026-07~2026-12", lines[1].name)

    def test_yearly_billed_in_january_only(self):
        self._cycle("yearly")
        self._run(*(date(2026, month, 1) for month in range(1, 13)))
        line = self._management_lines()
        self.assertEqual(len(line), 1)
        self.assertEqual(line.property_period, date(2026, 1, 1))
        self.assertAlmostEqual(line.price_unit, round(AREA * RATE * 12, 2))
        self.assertIn("2026-01~2026-12", line.name)

    def test_move_in_mid_quarter_billed_the_rest_of_the_quarter_on_the_next_run(self):
        """A contact who moves in on 10 February, after February's run: March's run bills him
        from 10 February to 31 March (19 days of 28, and March), then nothing until April."""
        self._cycle("quarterly")
        self._run(date(2026, 1, 1), date(2026, 2, 1))
        newcomer = self.env["res.partner"].create({"name": "New Owner"})
        self._occupy(self.unit2, newcomer, date_start=date(2026, 2, 10), is_billing_contact=True)
        self._run(date(2026, 3, 1))
        line = self._management_lines(newcomer, self.unit2)
        self.assertEqual(line.property_period, date(2026, 3, 1), "on March's statement")
        self.assertEqual(
            (line.property_date_from, line.property_date_to), (date(2026, 2, 10), date(2026, 3, 31))
        )
        self.assertAlmostEqual(line.price_unit, 120 * RATE * (19 / 28 + 1), delta=0.006)
        self.assertIn("2026-02~2026-03", line.name)
        self.assertIn("× (19/28 + 1)", line.name)
        self.Billing._bill_period(date(2026, 2, 1), self.project)
        self.assertEqual(self._management_lines(newcomer, self.unit2), line, "billed once")

    def test_move_out_and_move_in_inside_the_quarter_prorated_by_day(self):
        """Known before January's run: the seller is billed until he leaves on 15 February, the
        buyer (from the 16th) on February's run until the end of the quarter."""
        self._cycle("quarterly")
        seller, buyer = self.env["res.partner"].create([{"name": "Seller"}, {"name": "Buyer"}])
        self._occupy(
            self.unit2,
            seller,
            date_start=date(2020, 1, 1),
            date_end=date(2026, 2, 15),
            is_billing_contact=True,
        )
        self._occupy(self.unit2, buyer, date_start=date(2026, 2, 16), is_billing_contact=True)
        self._run(date(2026, 1, 1))
        sold = self._management_lines(seller, self.unit2)
        self.assertAlmostEqual(sold.price_unit, 120 * RATE * (1 + 15 / 28), delta=0.006)
        self.assertEqual(sold.property_date_to, date(2026, 2, 15))
        self.assertIn("2026-01~2026-02", sold.name)
        self.assertFalse(self._management_lines(buyer, self.unit2), "not there in January")
        self._run(date(2026, 2, 1), date(2026, 3, 1))
        bought = self._management_lines(buyer, self.unit2)
        self.assertEqual(bought.property_period, date(2026, 2, 1))
        self.assertAlmostEqual(bought.price_unit, 120 * RATE * (13 / 28 + 1), delta=0.006)
        self.assertEqual(self._management_lines(seller, self.unit2), sold, "billed once")

    def test_rate_change_inside_the_quarter_prorated_by_day(self):
        self._cycle("quarterly")
        self.management_rate.date_to = date(2026, 2, 14)
        self._fee_rate(
            self.management, 3.0, date_from=date(2026, 2, 15)
        ).billing_cycle = "quarterly"
        self._run(date(2026, 1, 1))
        line = self._management_lines()
        # January and 14 days of February at 2.5, 14 days of February and March at 3.0.
        expected = AREA * (RATE * (1 + 14 / 28) + 3.0 * (14 / 28 + 1))
        self.assertAlmostEqual(line.price_unit, expected, delta=0.006)
        self.assertIn("98.5 × 2.5 × (1 + 14/28), 98.5 × 3 × (14/28 + 1)", line.name)
        self._run(date(2026, 2, 1), date(2026, 3, 1))
        self.assertEqual(self._management_lines(), line)

    def test_switch_from_monthly_to_quarterly_inside_a_quarter(self):
        """Monthly until 31 January, quarterly from February: January's run bills January,
        February's the rest of the quarter (February and March)."""
        self.management_rate.date_to = date(2026, 1, 31)
        self._fee_rate(
            self.management, RATE, date_from=date(2026, 2, 1)
        ).billing_cycle = "quarterly"
        self._run(date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
        lines = self._management_lines()
        self.assertEqual(lines.mapped("property_period"), [date(2026, 1, 1), date(2026, 2, 1)])
        self.assertAlmostEqual(lines[0].price_unit, round(AREA * RATE, 2))
        self.assertAlmostEqual(lines[1].price_unit, round(AREA * RATE * 2, 2))
        self.assertIn("2026-02~2026-03", lines[1].name)

    def test_monthly_fee_still_billed_every_month_beside_a_quarterly_one(self):
        self._cycle("quarterly")
        self._fee_rate(self.parking_fee, 300.0, unit_type="parking")
        parking = self._parking_space()
        self._billing_contact(parking, self.owner, resides=False)
        self._run(date(2026, 1, 1), date(2026, 2, 1))
        february = self.env["account.move"].search(
            [("partner_id", "=", self.owner.id), ("property_period", "=", date(2026, 2, 1))]
        )
        self.assertEqual(february.invoice_line_ids.property_fee_type_id, self.parking_fee)
        self.assertAlmostEqual(february.amount_untaxed, 300.0)


@tagged("post_install", "-at_install")
class TestPrepayment(BillingCase):
    """A resident prepays several periods: a customer payment left open on him, which pays
    his next fee invoices as they are confirmed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._billing_contact(cls.unit, cls.owner)
        cls.accountant = new_test_user(
            cls.env, "pb_cyc_accountant", groups="account.group_account_invoice"
        )
        cls.Billing = cls.env["property.billing"]

    def _prepay(self, periods, **values):
        wizard_form = Form(
            self.env["property.prepayment.wizard"]
            .with_user(self.accountant)
            .with_context(active_model="property.unit", active_id=self.unit.id)
        )
        wizard_form.period_count = periods
        for name, value in values.items():
            setattr(wizard_form, name, value)
        return wizard_form.save()

    def _confirm(self, month):
        move = self.Billing._bill_period(month, self.project).filtered(
            lambda m: m.partner_id == self.owner
        )
        move.with_user(self.manager).action_property_confirm()
        return move

    @freeze_time("2025-12-20")
    def test_prepaid_periods_pay_the_next_invoices(self):
        wizard = self._prepay(2)
        self.assertEqual(wizard.partner_id, self.owner, "the unit's billing contact")
        self.assertIn("98.5 × 2.5 × 2", wizard.basis)
        action = wizard.action_record()
        payment = self.env["account.payment"].browse(action["res_id"])
        self.assertTrue(payment.property_prepayment)
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(payment.partner_id, self.owner)
        self.assertEqual(payment.property_unit_id, self.unit)
        january = self._confirm(date(2026, 1, 1))
        self.assertEqual(january.payment_state, "paid", "paid from the prepayment when posted")
        february = self._confirm(date(2026, 2, 1))
        self.assertEqual(february.payment_state, "paid")
        self.assertAlmostEqual(
            wizard.amount,
            january.amount_total + february.amount_total,
            msg="two months of the schedule, as invoiced",
        )
        march = self._confirm(date(2026, 3, 1))
        self.assertEqual(march.payment_state, "not_paid", "the prepayment is used up")
        self.assertTrue(payment.move_id.line_ids.filtered("reconciled"))

    @freeze_time("2025-12-20")
    def test_a_prepayment_of_a_quarterly_fee_and_a_partial_last_invoice(self):
        self.management_rate.billing_cycle = "quarterly"
        quarter = self._prepay(1).amount
        self._prepay(1, amount=quarter + 100).action_record()
        january = self._confirm(date(2026, 1, 1))
        self.assertAlmostEqual(january.amount_total, quarter, msg="one period: the quarter")
        self.assertEqual(january.payment_state, "paid")
        self.assertFalse(self.Billing._bill_period(date(2026, 2, 1), self.project))
        self.management_rate.billing_cycle = "monthly"
        april = self._confirm(date(2026, 4, 1))
        self.assertEqual(april.payment_state, "partial", "what is left of the prepayment")
        self.assertAlmostEqual(april.amount_residual, april.amount_total - 100)

    def test_bad_input_refused(self):
        with self.assertRefused(UserError, "at least one period"):
            self._prepay(0).action_record()
        with self.assertRefused(UserError, "more than zero"):
            self._prepay(1, amount=0).action_record()
        self.assertFalse(
            self.env["account.payment"].search([("property_unit_id", "=", self.unit.id)])
        )

    def test_ordinary_credit_is_not_used_for_fees(self):
        """Only a fee prepayment pays fee invoices on its own: other open credits are left to
        finance."""
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "bank")], limit=1
        )
        other = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.owner.id,
                "journal_id": journal.id,
                "amount": 1000.0,
            }
        )
        other.action_post()
        january = self._confirm(date(2026, 1, 1))
        self.assertEqual(january.payment_state, "not_paid")


@tagged("post_install", "-at_install")
class TestPrepaidCredits(BillingCase):
    """A move-out or a lower rate entered after a quarter was billed in advance (and posted):
    the daily job credits the days not due any more, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Billing = cls.env["property.billing"]
        cls.management_rate.billing_cycle = "quarterly"
        cls.occupancy = cls._billing_contact(cls.unit, cls.owner)

    def _bill_january(self):
        self.Billing._bill_period(date(2026, 1, 1), self.project)
        invoice = self.env["account.move"].search(
            [("partner_id", "=", self.owner.id), ("property_period", "=", date(2026, 1, 1))]
        )
        invoice.action_post()
        return invoice.invoice_line_ids.filtered("property_fee_type_id")

    def _credits(self):
        return self.env["account.move.line"].search(
            [("property_credited_line_id", "!=", False), ("parent_state", "!=", "cancel")]
        )

    def test_move_out_after_the_quarter_was_billed_is_credited_once(self):
        line = self._bill_january()
        self.assertAlmostEqual(line.price_unit, round(AREA * RATE * 3, 2))
        self.assertFalse(self.Billing._cron_prepaid_credits(), "nothing changed: no credit")
        self.occupancy.date_end = date(2026, 2, 14)
        self.assertTrue(self.unit.sudo().property_prepaid_check)
        credit_note = self.Billing._cron_prepaid_credits()
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "draft", "finance posts it")
        self.assertEqual(credit_note.partner_id, self.owner)
        self.assertEqual(credit_note.reversed_entry_id, line.move_id)
        credit = credit_note.invoice_line_ids
        self.assertEqual(credit.property_credited_line_id, line)
        self.assertEqual(credit.property_unit_id, self.unit)
        # 14 days of February's 28 and March are not due.
        self.assertAlmostEqual(credit.price_unit, AREA * RATE * (14 / 28 + 1), delta=0.011)
        self.assertAlmostEqual(
            line.price_subtotal - credit.price_subtotal, AREA * RATE * (1 + 14 / 28), delta=0.011
        )
        self.assertFalse(self.unit.sudo().property_prepaid_check)
        # Run again, or marked again with nothing new: nothing more.
        self.assertFalse(self.Billing._cron_prepaid_credits())
        self.unit._property_mark_prepaid_check()
        self.assertFalse(self.Billing._cron_prepaid_credits())
        # Moved out even earlier: the rest only.
        self.occupancy.date_end = date(2026, 1, 31)
        second = self.Billing._cron_prepaid_credits()
        self.assertAlmostEqual(second.amount_untaxed, AREA * RATE * 14 / 28, delta=0.011)
        self.assertEqual(len(self._credits()), 2)
        # February's run bills the owner nothing more (he moved out).
        self.Billing._bill_period(date(2026, 2, 1), self.project)
        self.assertFalse(
            self.env["account.move"].search(
                [("partner_id", "=", self.owner.id), ("property_period", "=", date(2026, 2, 1))]
            )
        )

    def test_lower_rate_from_march_is_credited_a_higher_one_not_charged(self):
        line = self._bill_january()
        self.management_rate.date_to = date(2026, 2, 28)
        self._fee_rate(self.management, 2.0, date_from=date(2026, 3, 1)).billing_cycle = "quarterly"
        credit_note = self.Billing._cron_prepaid_credits()
        self.assertAlmostEqual(credit_note.amount_untaxed, AREA * (RATE - 2.0), delta=0.011)
        self.assertEqual(credit_note.invoice_line_ids.property_credited_line_id, line)
        # A cancelled credit note is credited again by the next run.
        credit_note.button_cancel()
        self.unit._property_mark_prepaid_check()
        self.assertTrue(self.Billing._cron_prepaid_credits())
        # A higher rate is not charged on a cycle already billed in advance.
        self.env["property.fee.rate"].search(
            [("fee_type_id", "=", self.management.id), ("rate", "=", 2.0)]
        ).rate = 4.0
        self.assertFalse(self.Billing._cron_prepaid_credits())

    def test_draft_of_the_quarter_billed_again_after_a_move_out(self):
        """Not confirmed yet: the draft's line is billed again as due now (no credit note)."""
        self.Billing._bill_period(date(2026, 1, 1), self.project)
        draft = self.env["account.move"].search(
            [("partner_id", "=", self.owner.id), ("property_period", "=", date(2026, 1, 1))]
        )
        self.assertEqual(draft.state, "draft")
        self.occupancy.date_end = date(2026, 2, 14)
        self.assertFalse(self.Billing._cron_prepaid_credits(), "no credit note for a draft")
        line = draft.invoice_line_ids.filtered("property_fee_type_id")
        self.assertEqual(len(line), 1)
        self.assertEqual(
            (line.property_date_from, line.property_date_to), (date(2026, 1, 1), date(2026, 2, 14))
        )
        self.assertAlmostEqual(line.price_unit, AREA * RATE * (1 + 14 / 28), delta=0.011)
        self.assertIn("× (1 + 14/28)", line.name)
        self.assertFalse(self._credits())
        # Moved out before the quarter: nothing is due, the empty draft goes.
        self.occupancy.date_end = date(2025, 12, 31)
        self.Billing._cron_prepaid_credits()
        self.assertFalse(draft.exists())
