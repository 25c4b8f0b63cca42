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

    def _pay(self, move, **kwargs):
        payments = super()._pay(move, **kwargs)
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

    def _activities(self, case):
        return self.env["mail.activity"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)], order="id"
        )

    def test_stages_follow_the_calendar_with_one_activity_each(self):
        expected = [  # day, stage, activities so far (one per stage and month)
            ("2026-01-16", self.stages[0], 1),
            ("2026-01-21", self.stages[0], 1),
            ("2026-01-28", self.stages[0], 1),  # between windows: stays
            ("2026-02-16", self.stages[0], 2),  # the 2nd month's call
            ("2026-02-25", self.stages[1], 3),
            ("2026-03-15", self.stages[2], 4),
            ("2026-03-27", self.stages[3], 5),
        ]
        for day, stage, count in expected:
            cases = self._run(day)
            self.assertEqual(cases.stage_id, stage, day)
            case = cases.filtered(lambda c: c.unit_id == self.unit)
            activities = self._activities(case)
            self.assertEqual(len(activities), count, day)
            self.assertEqual(activities.user_id, self.butler)
        self.assertIn("Lawyer", activities[-1].summary)

    def test_stage_1_is_monthly(self):
        """S0 十: "在每月對帳單發放后的第三周(15-21日)…致電給未繳費的客戶": every month's
        non-payers get the call (statement arrived? when will they pay?), one activity per case
        and month, not only in the quarter's first month."""
        call = self.stages[0]
        self.assertEqual(call.quarter_month, "every")
        case = self._run("2026-01-16").filtered(lambda c: c.unit_id == self.unit)
        self.assertEqual(case.stage_id, call)
        self._run("2026-01-19")  # re-runs in the same week give nothing more
        self.assertEqual(self._activities(case).mapped("date_deadline"), [date(2026, 1, 21)])
        self.assertFalse(self._run("2026-02-14").filtered(lambda c: c.notified_period.month == 2))
        self._run("2026-02-15")
        self._run("2026-02-21")
        activities = self._activities(case)
        self.assertEqual(activities.mapped("date_deadline"), [date(2026, 1, 21), date(2026, 2, 21)])
        self.assertEqual(activities.user_id, self.butler)
        self.assertEqual(case.stage_id, call)
        self.assertEqual(case.notified_period, date(2026, 2, 1))
        self.assertEqual(case.stage_date_due, date(2026, 2, 21))
        # The quarter's 3rd month, same week: the re-check stage of that month is due instead.
        self._run("2026-03-16")
        self.assertEqual(case.stage_id, self.stages[2])
        self.assertEqual(len(self._activities(case)), 3)
        # A case opened in the 2nd month of a quarter gets that month's call (first dunned then).
        next_case = self._run("2026-05-18").filtered(
            lambda c: c.unit_id == self.unit and c.quarter == date(2026, 4, 1)
        )
        self.assertEqual(next_case.stage_id, call)
        self.assertEqual(self._activities(next_case).mapped("date_deadline"), [date(2026, 5, 21)])

    def test_stage_2_is_a_cut_off(self):
        """S0 十: "對截至每季度第二月25號仍未繳物管費的業戶,應了解未繳費的真實原因": the reason
        inquiry is for the units still unpaid on the 25th of the quarter's 2nd month, not for
        everyone unpaid from the 1st."""
        reason_stage = self.stages[1]
        cases = self._run("2026-02-03")
        self.assertFalse(cases.stage_id, "before the cut-off no reason is asked")
        self._run("2026-02-16")
        self.assertEqual(self._run("2026-02-24").stage_id, self.stages[0])
        case = cases.filtered(lambda c: c.unit_id == self.unit)
        self._pay(self.move_unit, day=date(2026, 2, 20))
        cases = self._run("2026-02-25")
        self.assertEqual(case.state, "paid")
        self.assertNotEqual(case.stage_id, reason_stage, "paid before the 25th: not asked")
        unpaid = cases - case
        self.assertEqual(unpaid.stage_id, reason_stage)
        activity = self._activities(unpaid)[-1]
        self.assertIn(reason_stage.name, activity.summary)
        self.assertEqual(activity.date_deadline, date(2026, 2, 28))
        self._run("2026-02-27")
        self.assertEqual(len(self._activities(unpaid)), 2, "the call of February, the reason")

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

    def test_service_problem_opens_one_work_order(self):
        """S0 十: "若有因物業服務問題未繳費的業戶…開單給相關部門,并跟進處理": a ticket of the
        reason's type (a repair here) for the reason's department, followed by the butler."""
        case = self._run("2026-02-25").filtered(lambda c: c.unit_id == self.unit)
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
        self.assertEqual(reason.ticket_type_id.kind, "repair")
        self.assertEqual(ticket.ticket_type_id, reason.ticket_type_id)
        self.assertEqual(ticket.kind, "repair")
        self.assertIn(self.butler.partner_id, ticket.message_partner_ids, "followed up")
        self.assertEqual(case.ticket_stage_id, ticket.stage_id)
        self.assertFalse(case.ticket_closed)
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

    def test_work_order_type_follows_the_reason(self):
        """The kind of ticket is the reason's: a new reason defaults to a repair, a cleaning
        problem of the shipped reasons is a complaint to the cleaning department."""
        repair = self.env.ref("property_butler_ticket.property_ticket_type_repair")
        new_reason = self.env["property.dunning.reason"].create(
            {"name": "Lift out of order", "category": "service_problem"}
        )
        self.assertEqual(new_reason.ticket_type_id, repair)
        cleaning = self.env.ref("property_butler_dunning.property_dunning_reason_cleaning")
        case = self._run("2026-02-25").filtered(lambda c: c.unit_id == self.unit)
        case.reason_id = cleaning
        self.assertEqual(case.ticket_id.kind, "complaint")
        self.assertEqual(case.ticket_id.department_id, cleaning.department_id)

    def test_call_back_once_the_work_order_is_done(self):
        """S0 十: "對因物業服務問題未繳費的業戶,應查看業戶提出的問題是否已解決,若已解決應及時
        回復、回訪業戶,并提醒業戶繳納物管費": the butler gets the call back when the work order
        closes, not before."""
        case = self._run("2026-02-25").filtered(lambda c: c.unit_id == self.unit)
        case.reason_id = self.env.ref("property_butler_dunning.property_dunning_reason_repair")
        ticket = case.ticket_id

        def call_backs():
            return self._activities(case).filtered(lambda a: "call back" in a.summary)

        ticket.action_respond()
        self.assertFalse(call_backs(), "not while the repair is under way")
        with freeze_time("2026-03-04"):
            ticket.action_done()
        self.assertTrue(case.ticket_closed)
        activity = call_backs()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.butler)
        self.assertEqual(activity.date_deadline, date(2026, 3, 4))
        self.assertIn(ticket.name, activity.note)
        # A paid case gets no call back; a cancelled work order is no fix.
        other = self._run("2026-02-26") - case
        other.reason_id = self.env.ref("property_butler_dunning.property_dunning_reason_repair")
        other.ticket_id.action_cancel()
        self.assertFalse(
            self._activities(other).filtered(lambda a: "call back" in a.summary),
        )

    def test_strong_grievances_visit_and_escalate(self):
        """S0 十: "針對意見較大的業戶,組團管家應主動積極上門溝通…將業戶意見及建議反饋至公司上層
        領導": the flag gives the butler a home visit and the project's manager the owner's
        views."""
        case = self._run("2026-02-25").filtered(lambda c: c.unit_id == self.unit)
        before = self._activities(case)
        with freeze_time("2026-02-26"):
            case.with_user(self.butler).write(
                {
                    "strong_grievance": True,
                    "grievance_note": "電梯常壞，物業回應太慢。",
                }
            )
        new = self._activities(case) - before
        visit = new.filtered(lambda a: a.user_id == self.butler)
        escalation = new.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(new), 2)
        self.assertEqual(visit.activity_type_id, self.env.ref("mail.mail_activity_data_meeting"))
        self.assertIn("Home visit", visit.summary)
        self.assertEqual(visit.date_deadline, date(2026, 2, 26))
        self.assertIn("電梯常壞", escalation.note)
        self.assertIn(self.manager.partner_id, case.message_partner_ids)
        case.with_user(self.butler).write({"strong_grievance": True})
        self.assertEqual(len(self._activities(case) - before), 2, "escalated once")
        # What the owner says at the visit goes to the manager as well.
        case.with_user(self.butler).write({"grievance_note": "希望公開維修進度。"})
        message = case.message_ids.filtered(lambda m: "希望公開維修進度" in (m.body or ""))
        self.assertEqual(message.partner_ids, self.manager.partner_id)

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
