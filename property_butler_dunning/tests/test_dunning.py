from contextlib import closing
from datetime import date

from freezegun import freeze_time

from odoo import sql_db
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.property_dunning_case import _DUNNING_LOCK
from .common_dunning import DunningCase


@tagged("post_install", "-at_install")
class TestDunning(DunningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._billing_contact(cls.unit, cls.owner)
        cls._billing_contact(cls.unit2, cls.tenant)
        cls.Case = cls.env["property.dunning.case"]
        cls.stages = (
            ref("property_butler_dunning.property_dunning_stage_call")
            | ref("property_butler_dunning.property_dunning_stage_reason")
            | ref("property_butler_dunning.property_dunning_stage_recheck")
            | ref("property_butler_dunning.property_dunning_stage_lawyer")
        )
        # Statements of January 2026, due on the 5th.
        cls.moves = cls._bill_january()
        cls.move_unit = cls.moves.filtered(lambda m: m.partner_id == cls.owner)

    def _run(self, day):
        with freeze_time(day):
            self.Case._cron_dunning()
        return self.Case.search([("unit_id", "in", (self.unit | self.unit2).ids)])

    def _pay(self, move):
        payments = super()._pay(move)
        self.assertIn(move.payment_state, ("paid", "in_payment"))
        return payments

    def test_one_case_per_unpaid_unit_and_quarter(self):
        cases = self._run("2026-01-10")
        self.assertEqual(cases.unit_id, self.unit | self.unit2)
        case = cases.filtered(lambda c: c.unit_id == self.unit)
        self.assertEqual(case.partner_id, self.owner)
        self.assertEqual(case.butler_id, self.butler)
        self.assertEqual(case.quarter, date(2026, 1, 1))
        self.assertEqual(case.quarter_label, "2026-Q1")
        self.assertAlmostEqual(case.amount_due, self.move_unit.amount_residual)
        self.assertFalse(case.stage_id, "no stage is due before the 15th")
        self.assertEqual(self._run("2026-01-11"), cases, "a second run opens nothing more")
        # Next quarter: a new case, the old one is superseded.
        next_cases = self._run("2026-04-16") - cases
        self.assertEqual(next_cases.unit_id, self.unit | self.unit2)
        self.assertEqual(set(cases.mapped("state")), {"closed"})

    def test_stages_follow_the_calendar_with_one_activity_each(self):
        expected = [
            ("2026-01-16", self.stages[0]),
            ("2026-01-21", self.stages[0]),
            ("2026-01-28", self.stages[0]),  # between windows: stays
            ("2026-02-25", self.stages[1]),
            ("2026-03-15", self.stages[2]),
            ("2026-03-27", self.stages[3]),
        ]
        for day, stage in expected:
            cases = self._run(day)
            self.assertEqual(cases.stage_id, stage, day)
            case = cases.filtered(lambda c: c.unit_id == self.unit)
            activities = self.env["mail.activity"].search(
                [("res_model", "=", case._name), ("res_id", "=", case.id)]
            )
            self.assertEqual(len(activities), self.stages.ids.index(stage.id) + 1, day)
            self.assertEqual(activities.user_id, self.butler)
        self.assertIn("Lawyer", activities.sorted("id")[-1].summary)

    def test_scheduler_runs_a_batch_of_cases_per_call(self):
        """A case per call: each call reads again what is left (the cases it opened still need
        their stage), reports it, and the calls end as one run would."""
        with freeze_time("2026-01-16"):
            cases, calls = self._run_as_scheduled(
                "property_butler_dunning.property_dunning_case_cron", "_cron_dunning", batch_size=1
            )
            self.assertEqual(calls, [(1, 2), (1, 2), (1, 1), (1, 0)])
            self.assertEqual(cases.unit_id, self.unit | self.unit2)
            self.assertEqual(cases.stage_id, self.stages[0])
            self.assertEqual(len(cases.activity_ids), 2, "one activity per case")
            _cases, calls = self._run_as_scheduled(
                "property_butler_dunning.property_dunning_case_cron", "_cron_dunning", batch_size=1
            )
            self.assertEqual(calls, [(0, 0)], "nothing left to do")

    def test_another_run_under_way_is_not_joined(self):
        """The run's advisory lock, held by another transaction: this batch does nothing and
        reports nothing to do (the other run does it)."""
        with closing(sql_db.db_connect(self.env.cr.dbname).cursor()) as other:
            other.execute("SELECT pg_try_advisory_xact_lock(%s)", [_DUNNING_LOCK])
            self.assertTrue(other.fetchone()[0])
            with freeze_time("2026-01-16"):
                cases, calls = self._run_as_scheduled(
                    "property_butler_dunning.property_dunning_case_cron", "_cron_dunning"
                )
            other.rollback()
        self.assertFalse(cases)
        self.assertEqual(calls, [(0, 0)])
        self.assertEqual(self._run("2026-01-16").unit_id, self.unit | self.unit2)

    def test_never_moves_backwards(self):
        cases = self._run("2026-03-23")
        self.assertEqual(cases.stage_id, self.stages[3])
        self.assertEqual(self._run("2026-03-16").stage_id, self.stages[3])
        case = cases[0]
        self.assertEqual(len(case.activity_ids), 1)

    def test_paying_in_full_leaves_dunning_at_the_next_run(self):
        cases = self._run("2026-01-16")
        case = cases.filtered(lambda c: c.unit_id == self.unit)
        self.assertTrue(case.activity_ids)
        self._pay(self.move_unit)
        self._run("2026-01-17")
        self.assertEqual(case.state, "paid")
        self.assertFalse(case.activity_ids)
        self.assertEqual((cases - case).state, "open")
        self.assertEqual(
            self._run("2026-02-03").filtered(lambda c: c.state == "open"), cases - case
        )

    def test_close_paid_hook(self):
        """Paying in full leaves dunning at once: the invoice's paid hook closes the case,
        without waiting for the next run."""
        case = self._run("2026-01-16").filtered(lambda c: c.unit_id == self.unit)
        self.assertEqual(case.state, "open")
        with freeze_time("2026-01-20"):
            self._pay(self.move_unit)
        self.assertEqual(case.state, "paid")
        self.assertFalse(self.Case._close_paid(self.move_unit), "nothing left to close")

    def test_service_problem_opens_one_ticket(self):
        case = self._run("2026-02-10").filtered(lambda c: c.unit_id == self.unit)
        reason = self.env.ref("property_butler_dunning.property_dunning_reason_repair")
        self.env["property.dunning.log"].with_user(self.butler).create(
            {
                "case_id": case.id,
                "channel": "visit",
                "summary": "The leaking roof was never repaired.",
                "reason_id": reason.id,
                "promised_date": date(2026, 3, 10),
            }
        )
        self.assertEqual(case.reason_id, reason)
        self.assertEqual(case.promised_date, date(2026, 3, 10))
        ticket = case.ticket_id
        self.assertTrue(ticket)
        self.assertEqual(ticket.kind, "complaint")
        self.assertEqual(ticket.channel, "butler_visit")
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.department_id, reason.department_id)
        self.assertEqual(ticket.title, f"Unpaid fees: {reason.name}")
        case.reason_id = self.env.ref("property_butler_dunning.property_dunning_reason_cleaning")
        self.assertEqual(case.ticket_id, ticket, "one ticket per case")
        self.assertEqual(
            self.env["property.ticket"].search_count([("unit_id", "=", self.unit.id)]), 1
        )

    def test_log_lines_and_report(self):
        case = self._run("2026-01-16").filtered(lambda c: c.unit_id == self.unit)
        log = self.env["property.dunning.log"].create(
            {
                "case_id": case.id,
                "summary": "收到對帳單，月底前繳費",
                "statement_received": True,
                "promised_date": date(2026, 1, 31),
            }
        )
        self.assertEqual(log.stage_id, self.stages[0])
        self.assertEqual(log.butler_id, self.env.user)
        self.assertTrue(case.statement_received)
        self.assertEqual(case.log_count, 1)
        xmlid = "property_butler_dunning.property_dunning_case_report_log"
        html = self._render_html(xmlid, case)
        self.assertIn("Fee Dunning Record", html)
        self.assertIn("收到對帳單", html)
        self.assertIn("2026-Q1", html)
        # The amount owed of the case, its total, and the sign-off lines.
        self.assertGreater(case.amount_due, 0.0)
        owed = html.split("o_dunning_amount_owed")[1].split("</td>")[0]
        self.assertIn(f"{case.amount_due:,.2f}", owed)
        self.assertIn(case.currency_id.symbol, owed)
        total = html.split("o_dunning_amount_total")[1].split("</td>")[0]
        self.assertIn(f"{case.amount_due:,.2f}", total)
        signatures = html.split("o_dunning_signatures")[1].split("</table>")[0]
        self.assertIn("Butler (signature)", signatures)
        self.assertIn("Supervisor (signature)", signatures)
        self.assertEqual(signatures.count("Date: ____"), 2)
        self._render_pdf(xmlid, case)

    def test_company_rule(self):
        case = self._run("2026-01-16")[:1]
        other = self.env["res.company"].create({"name": "Other Estates"})
        outsider = self.butler2
        outsider.write({"company_ids": [(4, other.id)], "company_id": other.id})
        outsider.write({"company_ids": [(3, self.company.id)]})
        with self.assertRaises(AccessError):
            case.with_user(outsider).read(["name"])
        self.assertFalse(self.env["property.dunning.stage"].with_user(outsider).search([]))

    def test_query_count_ceiling(self):
        """The run reads all unpaid units in one grouped query and writes in batches: a
        ceiling on its queries (not a two-size comparison yet)."""
        with freeze_time("2026-01-16"):
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=80):
                self.Case._cron_dunning()
