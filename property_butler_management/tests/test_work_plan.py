from datetime import date

from freezegun import freeze_time
from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler.tests.common import PropertyButlerCase

CRON = "property_butler_management.ir_cron_work_plan_reminders"


@tagged("post_install", "-at_install")
class TestWorkPlan(PropertyButlerCase):
    """Work plans (S0 九): a person's plan for a week, month or year, submitted to the
    superior, approved or sent back, its items' progress, the summary at the period's end,
    the reminders and who sees what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["property.work.plan"]

    def _plan(self, user=None, kind="week", start=date(2026, 6, 10), items=2):
        user = user or self.butler
        return self.Plan.with_user(user).create(
            {
                "user_id": user.id,
                "project_id": self.project.id,
                "period_type": kind,
                "date_start": start,
                "item_ids": [
                    (0, 0, {"name": f"Item {n}", "target": "100 %", "user_id": user.id})
                    for n in range(items)
                ],
            }
        )

    def test_period_dates_and_name(self):
        week = self._plan()
        self.assertEqual(
            (week.date_start, week.date_end, week.date_due),
            (date(2026, 6, 8), date(2026, 6, 14), date(2026, 6, 8)),
            "a Wednesday moves back to the Monday; due on the Monday",
        )
        self.assertIn("2026-W24", week.name)
        self.assertIn(self.butler.name, week.name)
        if self.env["res.lang"]._lang_get("zh_CN").active:
            self.assertTrue(
                week.with_context(lang="zh_CN").name.startswith("周计划 2026-W24"),
                "the name in the reader's language",
            )
        month = self._plan(kind="month")
        self.assertEqual(
            (month.date_start, month.date_end, month.date_due),
            (date(2026, 6, 1), date(2026, 6, 30), date(2026, 6, 1)),
        )
        year = self._plan(kind="year")
        self.assertEqual(
            (year.date_start, year.date_end, year.date_due),
            (date(2026, 1, 1), date(2026, 12, 31), date(2026, 1, 31)),
        )
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._plan(start=date(2026, 6, 12))  # the same week again

    def test_superior(self):
        self.assertEqual(self._plan().approver_id, self.supervisor)
        self.assertEqual(self._plan(user=self.supervisor).approver_id, self.manager)

    def test_submit_approve_progress_summarise(self):
        empty = self._plan(start=date(2026, 6, 1), items=0)
        with self.assertRefused(UserError, "Add the items"):
            empty.action_submit()
        plan = self._plan()
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertTrue(plan.date_submitted)
        approve = plan.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        self.assertEqual(len(approve), 1, "the superior is asked to approve")
        with self.assertRefused(UserError, "superior"):
            plan.with_user(self.butler).action_approve()
        with self.assertRefused(UserError, "no longer a draft"):
            plan.item_ids[0].with_user(self.butler).write({"state": "done"})
        with self.assertRefused(UserError, "fixed"):
            plan.with_user(self.butler).write({"project_id": self.project.id})
        plan.with_user(self.supervisor).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertFalse(plan.activity_ids, "the approval activity is done")

        first, second = plan.item_ids.with_user(self.butler)
        first.state = "done"
        second.write({"state": "in_progress", "progress": 50})
        self.assertEqual(first.progress, 100)
        self.assertAlmostEqual(plan.completion, 75.0)
        self.assertEqual((plan.done_count, plan.item_count), (1, 2))
        with self.assertRefused(UserError, "no longer a draft"):
            first.write({"name": "Another item"})
        with self.assertRefused(UserError, "no longer a draft"):
            self.env["property.work.plan.item"].with_user(self.butler).create(
                {"plan_id": plan.id, "name": "Late addition"}
            )
        second.state = "dropped"
        self.assertAlmostEqual(plan.completion, 100.0, msg="a dropped item does not count")

        with freeze_time("2026-06-12 04:00:00"), self.assertRefused(UserError, "runs until"):
            plan.with_user(self.butler).action_done()
        with freeze_time("2026-06-14 04:00:00"):
            with self.assertRefused(UserError, "Write the summary"):
                plan.with_user(self.butler).action_done()
            plan.with_user(self.butler).summary = "<p>Done but the second item.</p>"
            plan.with_user(self.butler).action_done()
        self.assertEqual(plan.state, "done")

    def test_status_only_through_the_buttons(self):
        """Written directly (as over RPC), the status is refused: a butler cannot approve his own
        plan; nor can he choose a colleague as his superior."""
        plan = self._plan()
        with self.assertRefused(UserError, "through its buttons"):
            plan.with_user(self.butler).write({"state": "approved"})
        with self.assertRefused(UserError, "through its buttons"):
            plan.with_user(self.butler).write({"date_approved": "2026-06-09 02:00:00"})
        self.assertEqual(plan.state, "draft")
        with self.assertRefused(ValidationError, "not a supervisor or manager"):
            plan.with_user(self.butler).write({"approver_id": self.butler2.id})
        self.assertEqual(plan.approver_id, self.supervisor)

    def test_send_back_with_the_reason(self):
        plan = self._plan()
        plan.action_submit()
        action = plan.with_user(self.supervisor).action_open_return()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        )
        wizard.reason = "Add the vacant-unit inspections"
        wizard.save().action_confirm()
        self.assertEqual(plan.state, "draft")
        self.assertIn("Add the vacant-unit inspections", plan.message_ids[0].body)
        rework = plan.activity_ids.filtered(lambda a: a.user_id == self.butler)
        self.assertEqual(len(rework), 1)
        self.assertIn("Add the vacant-unit inspections", rework.summary)
        self.assertFalse(plan.activity_ids.filtered(lambda a: a.user_id == self.supervisor))
        # A draft again: the butler reworks it.
        plan.with_user(self.butler).item_ids[0].name = "Vacant-unit inspections"

    def test_late(self):
        with freeze_time("2026-06-09 04:00:00"):
            plan = self._plan()
            plan.invalidate_recordset(["is_late"])
            plan._compute_is_late()
            self.assertTrue(plan.is_late, "a draft after its Monday")
            plan.action_submit()
            self.assertTrue(plan.is_late, "submitted on Tuesday")
        with freeze_time("2026-06-08 02:00:00"):
            on_time = self._plan(user=self.butler2)
            on_time.with_user(self.butler2).action_submit()
        self.assertFalse(on_time.is_late)

    def test_who_sees_which_plan(self):
        plan = self._plan()
        other = self._plan(user=self.butler2)
        self.assertEqual(self.Plan.with_user(self.butler).search([]), plan)
        with self.assertRaises(AccessError):
            other.with_user(self.butler).read(["name"])
        with self.assertRaises(AccessError):
            other.item_ids.with_user(self.butler).read(["name"])
        mine = [("project_id", "=", self.project.id)]
        self.assertEqual(self.Plan.with_user(self.supervisor).search(mine), plan | other)
        guard_plan = self._plan(user=self.guard)
        self.assertEqual(self.Plan.with_user(self.guard).search([]), guard_plan)
        company, project, _building, _unit = self._moon_bay()
        stranger = self._user("pb_other_butler", "butler", company=company)
        self.assertFalse(self.Plan.with_user(stranger).search([]))
        moon_plan = self.Plan.create(
            {"user_id": stranger.id, "project_id": project.id, "date_start": date(2026, 6, 10)}
        )
        self.assertEqual(moon_plan.company_id, company)
        self.assertEqual(self.Plan.with_user(stranger).search([]), moon_plan)
        self.assertNotIn(moon_plan, self.Plan.with_user(self.supervisor).search([]))

    def test_reminders_once_on_the_monday_and_the_first(self):
        self._grid(self.butler)
        self._grid(self.butler2, extra_unit_ids=[(6, 0, self.unit_b.ids)])
        planners = self.butler | self.butler2 | self.supervisor
        with freeze_time("2026-06-01 01:00:00"):
            plans, calls = self._run_as_scheduled(CRON, "_cron_plan_reminders", batch_size=2)
            again, _calls = self._run_as_scheduled(CRON, "_cron_plan_reminders", batch_size=2)
        self.assertGreaterEqual(len(calls), 2, "in batches")
        self.assertFalse(again, "a re-run drafts nothing twice")
        mine = plans.filtered(lambda p: p.user_id in planners)
        self.assertEqual(
            sorted(mine.mapped(lambda p: (p.user_id.login, p.period_type))),
            sorted((user.login, kind) for user in planners for kind in ("week", "month")),
            "a weekly and a monthly plan each; the yearly one in January only",
        )
        self.assertFalse(plans.filtered(lambda p: p.user_id == self.manager), "he approves")
        for plan in mine:
            (activity,) = plan.activity_ids
            self.assertEqual(activity.user_id, plan.user_id)
            self.assertEqual(activity.date_deadline, date(2026, 6, 1))
        with freeze_time("2027-01-04 01:00:00"):
            plans, _calls = self._run_as_scheduled(CRON, "_cron_plan_reminders")
        yearly = plans.filtered(lambda p: p.user_id == self.butler and p.period_type == "year")
        self.assertEqual(yearly.date_due, date(2027, 1, 31))

    def test_print(self):
        plan = self._plan()
        plan.item_ids[0].write({"result": "首层大堂已检查"})
        html = self._render_html(
            "property_butler_management.property_work_plan_report_action", plan, self.butler
        )
        self.assertIn("Item 0", html)
        self.assertIn("首层大堂已检查", html)
        self.assertIn(self.supervisor.name, html)
        self.assertReportFont(html)
        other = self._plan(user=self.butler2)
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_management.property_work_plan_report_action", other, self.butler
            )

    def test_demo_plans(self):
        butler = self.env.ref("property_butler.user_butler1", raise_if_not_found=False)
        if not butler:
            self.skipTest("no demo data")
        plans = self.Plan.search([("user_id", "=", butler.id)])
        self.assertEqual(set(plans.mapped("period_type")), {"week", "month", "year"})
        done = plans.filtered(lambda p: p.state == "done")
        self.assertGreaterEqual(len(done), 12)
        self.assertTrue(all(p.summary for p in done))
        self.assertTrue(0 < sum(done.mapped("completion")) / len(done) < 100)
