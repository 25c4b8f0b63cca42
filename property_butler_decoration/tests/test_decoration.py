import base64
from datetime import date, datetime

import pytz
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase

TZ = pytz.timezone("Asia/Shanghai")
AGREEMENT = base64.b64encode(b"%PDF-1.4 signed decoration responsibility agreement")


def local_hour(value):
    """Local (Asia/Shanghai) hour of a naive UTC datetime."""
    return pytz.utc.localize(value).astimezone(TZ).hour


class DecorationCase(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Asia/Shanghai"))
        cls.guard2 = cls._user("pb_deco_guard2", "patrol_guard")
        cls.contractor = cls.env["res.partner"].create({"name": "美家裝飾工程有限公司"})
        cls.Permit = cls.env["property.decoration.permit"]
        cls.Check = cls.env["property.decoration.check"]
        # The demo estate's decorations are set aside: the check planning covers every permit.
        cls.Permit.search([("state", "in", ("approved", "active"))]).action_cancel()

    def _permit(self, start=date(2026, 11, 20), end=date(2026, 12, 20), **vals):
        return self.Permit.create(
            {
                "unit_id": self.unit.id,
                "applicant_id": self.owner.id,
                "contractor_id": self.contractor.id,
                "scope": "Kitchen and bathroom renovation",
                "date_start": start,
                "date_end": end,
                "deposit": 2000.0,
                "agreement_file": AGREEMENT,
                "agreement_filename": "responsibility_agreement.pdf",
                "guard_ids": [Command.set(self.guard.ids)],
                "tz": "Asia/Shanghai",
                "worker_ids": [
                    Command.create(
                        {
                            "name": "张师傅",
                            "id_number": "440101198001011234",
                            "pass_number": "P-001",
                            "pass_expiry": date(2026, 12, 31),
                            "trade": "Electrician",
                        }
                    ),
                    Command.create(
                        {
                            "name": "刘师傅",
                            "id_number": "440101198502023456",
                            "pass_number": "P-002",
                            "pass_expiry": date(2026, 11, 21),
                            "trade": "Welder",
                            "hot_work_certificate": "HW-8899",
                        }
                    ),
                ],
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestDecorationPermit(DecorationCase):
    def test_dates_and_hours_validated_nothing_written(self):
        count = self.Permit.search_count([])
        with self.assertRefused(ValidationError, "before it starts"):
            self._permit(start=date(2026, 11, 20), end=date(2026, 11, 19))
        with self.assertRefused(ValidationError, "at least 3"):
            self._permit(check_times="09:00, 14:00")
        with self.assertRefused(ValidationError, "between 08:00 and 22:00"):
            self._permit(check_times="07:00, 14:00, 19:00")
        with self.assertRefused(ValidationError, "allowed working hours"):
            self._permit(hour_morning_to=15.0)
        self.assertEqual(self.Permit.search_count([]), count, "nothing half-written")
        permit = self._permit()
        self.assertTrue(permit.name.startswith("DP/"))
        self.assertEqual((permit.hour_morning_from, permit.hour_morning_to), (7.0, 12.0))
        self.assertEqual((permit.hour_afternoon_from, permit.hour_afternoon_to), (14.0, 19.0))
        with self.assertRefused(ValidationError, "before it starts"):
            permit.date_end = date(2026, 11, 1)
        self.assertEqual(permit.date_end, date(2026, 12, 20))

    @freeze_time("2026-11-10 02:00:00")
    def test_agreement_required_to_approve(self):
        permit = self._permit(agreement_file=False)
        with self.assertRefused(UserError, "responsibility agreement"):
            permit.with_user(self.butler).action_approve()
        self.assertEqual(permit.state, "draft")
        self.assertFalse(permit.approved_by_id)
        permit.agreement_file = AGREEMENT
        permit.with_user(self.butler).action_approve()
        self.assertEqual(permit.state, "approved", "starts on its start date, not before")
        self.assertEqual(permit.approved_by_id, self.butler)
        self.assertFalse(self.unit.is_decorating)
        with self.assertRefused(UserError, "cannot start earlier"):
            permit.action_start()
        with self.assertRefused(UserError, "cannot be removed"):
            permit.agreement_file = False

    @freeze_time("2026-11-22 02:00:00")
    def test_overlapping_permits_refused(self):
        first = self._permit()
        first.action_approve()
        self.assertEqual(first.state, "active")
        second = self._permit(start=date(2026, 12, 15), end=date(2027, 1, 15))
        with self.assertRefused(ValidationError, first.name):
            second.action_approve()
        self.env.invalidate_all()
        self.assertEqual(second.state, "draft", "nothing half-written")
        self.assertFalse(second.approved_by_id)
        self.assertEqual(first.state, "active")
        later = self._permit(start=date(2026, 12, 21), end=date(2027, 1, 15))
        later.action_approve()
        self.assertEqual(later.state, "approved")
        # Another unit is not concerned.
        other = self._permit(unit_id=self.unit2.id)
        other.action_approve()
        self.assertEqual(other.state, "active")

    @freeze_time("2026-11-22 02:00:00")
    def test_activation_sets_decorating_and_end_restores_status(self):
        self._occupy(self.unit, self.owner, date_start=date(2025, 1, 1))
        self._occupy(self.unit2, self.other_owner, date_start=date(2025, 1, 1), resides=False)
        self.assertEqual((self.unit.state, self.unit2.state), ("occupied", "vacant"))
        permit = self._permit()
        vacant_permit = self._permit(unit_id=self.unit2.id)
        (permit | vacant_permit).action_approve()
        self.assertEqual((permit.state, vacant_permit.state), ("active", "active"))
        self.assertTrue(self.unit.is_decorating)
        self.assertEqual((self.unit.state, self.unit2.state), ("decorating", "decorating"))
        permit.action_done()
        vacant_permit.action_cancel()
        self.assertEqual((permit.state, vacant_permit.state), ("done", "cancelled"))
        self.assertEqual((self.unit.state, self.unit2.state), ("occupied", "vacant"))
        self.assertFalse(permit.check_ids.filtered(lambda c: c.state == "planned"))
        with self.assertRefused(UserError, "cannot be closed"):
            permit.action_done()

    def test_cron_starts_and_closes_permits(self):
        self._occupy(self.unit, self.owner, date_start=date(2025, 1, 1))
        with freeze_time("2026-11-10 02:00:00"):
            permit = self._permit(end=date(2026, 11, 25))
            permit.action_approve()
            self.assertFalse(self.Permit._cron_update_states())
            self.assertEqual(permit.state, "approved")
        with freeze_time("2026-11-20 01:00:00"):
            self.assertEqual(self.Permit._cron_update_states(), permit)
            self.assertEqual(permit.state, "active")
            self.assertEqual(self.unit.state, "decorating")
            self.assertFalse(self.Permit._cron_update_states(), "idempotent")
        with freeze_time("2026-11-26 01:00:00"):
            self.Permit._cron_update_states()
            self.assertEqual(permit.state, "done")
            self.assertEqual(self.unit.state, "occupied")
            self.Permit._cron_update_states()
            self.assertEqual(permit.state, "done")

    def test_cron_starts_and_closes_a_batch_of_permits_per_call(self):
        units = self.unit | self.unit2 | self.unit_b
        cron = "property_butler_decoration.property_decoration_permit_cron_states"
        with freeze_time("2026-11-10 02:00:00"):
            permits = self.Permit.concat(
                *(self._permit(unit_id=unit.id, end=date(2026, 11, 25)) for unit in units)
            )
            permits.action_approve()
        with freeze_time("2026-11-20 01:00:00"):
            started, calls = self._run_as_scheduled(cron, "_cron_update_states", batch_size=2)
            self.assertEqual(started, permits)
            self.assertEqual(calls, [(2, 1), (1, 0)])
            self.assertEqual(set(units.mapped("state")), {"decorating"})
        with freeze_time("2026-11-26 01:00:00"):
            started, calls = self._run_as_scheduled(cron, "_cron_update_states", batch_size=2)
            self.assertFalse(started)
            self.assertEqual(calls, [(2, 1), (1, 0)])
            self.assertEqual(set(permits.mapped("state")), {"done"})
            _started, calls = self._run_as_scheduled(cron, "_cron_update_states", batch_size=2)
            self.assertEqual(calls, [(0, 0)], "nothing left to do")


@tagged("post_install", "-at_install")
class TestDecorationChecks(DecorationCase):
    @freeze_time("2026-11-22 00:30:00")  # 08:30 in Shanghai
    def test_cron_plans_three_checks_a_shift_idempotently(self):
        permit = self._permit(guard_ids=[Command.set((self.guard | self.guard2).ids)])
        permit.action_approve()
        permit.check_ids.unlink()
        checks = self.Permit._cron_generate_checks()
        self.assertEqual(len(checks), 12, "3 checks per shift, 2 shifts, today and tomorrow")
        self.assertEqual(checks.permit_id, permit)
        for day in (date(2026, 11, 22), date(2026, 11, 23)):
            of_day = checks.filtered(
                lambda c, d=day: pytz.utc.localize(c.date_planned).astimezone(TZ).date() == d
            )
            self.assertEqual(
                sorted(local_hour(c.date_planned) for c in of_day), [9, 14, 19, 20, 21, 21]
            )
        self.assertTrue(all(8 <= local_hour(c.date_planned) <= 22 for c in checks))
        self.assertEqual(checks.guard_id, self.guard | self.guard2, "guards take turns")
        self.assertEqual(set(checks.mapped("state")), {"planned"})
        self.assertFalse(self.Permit._cron_generate_checks(), "a second run creates nothing")
        self.assertEqual(len(permit.check_ids), 12)
        # A draft or a finished permit gets no checks; nor do days after the end date.
        self._permit(unit_id=self.unit2.id)
        short = self._permit(unit_id=self.unit_b.id, end=date(2026, 11, 22))
        short.action_approve()
        self.assertEqual(len(short.check_ids), 6)
        self.assertFalse(self.Permit._cron_generate_checks())

    @freeze_time("2026-11-22 00:30:00")
    def test_cron_plans_the_checks_of_a_batch_of_permits_per_call(self):
        permits = self.Permit.concat(
            *(self._permit(unit_id=unit.id) for unit in self.unit | self.unit2 | self.unit_b)
        )
        permits.action_approve()
        permits.check_ids.unlink()
        checks, calls = self._run_as_scheduled(
            "property_butler_decoration.property_decoration_permit_cron_checks",
            "_cron_generate_checks",
            batch_size=2,
        )
        self.assertEqual(calls, [(2, 1), (1, 0)], "the next call takes the permits after")
        self.assertEqual(checks.permit_id, permits)
        self.assertEqual(len(checks), 3 * 12, "3 checks per shift today and tomorrow, per permit")

    @freeze_time("2026-11-22 00:30:00")
    def test_activation_plans_the_checks_at_once(self):
        permit = self._permit(check_times="08:00, 12:30, 17:00, 20:30, 21:00, 21:30")
        permit.action_approve()
        self.assertEqual(len(permit.check_ids), 11, "08:00 today has passed: 5 + 6")
        self.assertEqual(permit.check_ids.guard_id, self.guard)

    def _check(self, permit=None, guard=None):
        permit = permit or self._permit()
        if permit.state == "draft":
            permit.action_approve()
        check = permit.check_ids.sorted("date_planned")[:1]
        check.guard_id = guard or self.guard
        return check

    def test_action_check_records_server_time_and_guard(self):
        with freeze_time("2026-11-22 00:30:00"):
            check = self._check()
            other = check.permit_id.check_ids.sorted("date_planned")[1]
            other.guard_id = False
            check.permit_id.worker_ids.pass_expiry = date(2026, 12, 31)
        with freeze_time("2026-11-22 01:05:00"):
            with self.assertRefused(UserError, "assigned to"):
                check.with_user(self.guard2).action_check({})
            self.assertEqual(check.state, "planned")
            check.with_user(self.guard).action_check({"notes": "All in order"})
            self.assertEqual(check.state, "done")
            self.assertEqual(check.date_done, datetime(2026, 11, 22, 1, 5))
            self.assertEqual(check.guard_id, self.guard)
            self.assertFalse(check.has_problem)
            self.assertFalse(check.ticket_ids)
            with self.assertRefused(UserError, "already done"):
                check.with_user(self.guard).action_check({})
            with self.assertRefused(UserError, "only a supervisor"):
                check.with_user(self.guard).write({"problem_hours": True})
            with self.assertRefused(UserError, "not on the decoration checklist"):
                other.with_user(self.guard2).action_check({"state": "done"})
            with self.assertRefused(UserError, "recorded with its Check button"):
                other.with_user(self.guard2).write({"state": "done"})
            with self.assertRefused(UserError, "cannot be done before"):
                other.with_user(self.guard2).action_check({})
        with freeze_time(other.date_planned):
            other.with_user(self.guard2).action_check({})
            self.assertEqual(other.guard_id, self.guard2, "an unassigned check is taken")

    def test_guard_sees_own_and_unassigned_checks(self):
        with freeze_time("2026-11-22 00:30:00"):
            check = self._check(guard=self.guard2)
        visible = self.Check.with_user(self.guard).search([("permit_id", "=", check.permit_id.id)])
        self.assertNotIn(check, visible)
        self.assertEqual(len(visible), len(check.permit_id.check_ids) - 1)

    def test_problem_creates_finding_and_note(self):
        with freeze_time("2026-11-22 00:30:00"):
            check = self._check()
        with freeze_time("2026-11-22 01:10:00"):
            with self.assertRefused(UserError, "Describe the violation"):
                check.with_user(self.guard).action_check({"action_taken": "warning"})
            check.with_user(self.guard).action_check(
                {
                    "problem_extinguisher": True,
                    "problem_fire_passage": True,
                    "violation": "Tiles stacked in the fire passage, no extinguisher",
                    "action_taken": "work_stopped",
                }
            )
        ticket = check.ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.kind, "finding")
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(ticket.channel, "patrol")
        self.assertEqual(ticket.create_uid, self.guard)
        self.assertIn("No Fire Extinguisher", ticket.title)
        self.assertIn("Fire Passage Blocked", ticket.title)
        self.assertIn("Tiles stacked", ticket.description)
        note = check.permit_id.message_ids.filtered(lambda m: "Work Stopped" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.guard.partner_id)

    def test_no_check_after_the_permit_ended(self):
        with freeze_time("2026-11-22 00:30:00"):
            check = self._check()
            permit = check.permit_id
        with freeze_time("2026-11-22 01:10:00"):
            permit.action_done()
            self.assertEqual(permit.check_ids, check, "checks to come are dropped, not past ones")
            with self.assertRefused(UserError, "not in progress"):
                check.with_user(self.guard).action_check({})

    def test_expired_passes_flagged(self):
        with freeze_time("2026-11-21 02:00:00"):
            permit = self._permit()
            self.assertFalse(permit.expired_worker_ids)
        with freeze_time("2026-11-22 00:30:00"):
            self.env.invalidate_all()  # a new day, a new request
            check = self._check(permit)
            expired = permit.worker_ids.filtered(lambda w: w.pass_number == "P-002")
            self.assertTrue(expired.pass_expired)
            self.assertEqual(permit.expired_worker_ids, expired)
            self.assertEqual(check.expired_worker_ids, expired)
            Worker = self.env["property.decoration.worker"]
            self.assertEqual(
                Worker.search([("pass_expired", "=", True), ("permit_id", "=", permit.id)]),
                expired,
            )
        with freeze_time("2026-11-22 01:10:00"):
            check.with_user(self.guard).action_check(
                {"action_taken": "pass_confiscated", "violation": "Pass P-002 expired"}
            )
        self.assertTrue(check.problem_worker_pass, "an expired pass is a problem")
        self.assertIn("P-002", check.ticket_ids.description)
        self.assertTrue(permit.message_ids.filtered(lambda m: "Pass Confiscated" in (m.body or "")))

    def test_cron_marks_missed_checks(self):
        with freeze_time("2026-11-22 00:30:00"):
            check = self._check()
        with freeze_time("2026-11-22 04:00:00"):
            self.assertEqual(self.Check._cron_mark_missed(), check)
            self.assertEqual(check.state, "missed")
            self.assertFalse(self.Check._cron_mark_missed())

    def test_cron_marks_a_batch_of_missed_checks_per_call(self):
        with freeze_time("2026-11-22 00:30:00"):
            permit = self._permit()
            permit.action_approve()
        # 22:00 in Shanghai: today's 09:00, 14:00 and 19:00 checks are more than 2 hours late.
        today = permit.check_ids.filtered(lambda c: c.date_planned < datetime(2026, 11, 22, 12))
        self.assertEqual(len(today), 3)
        with freeze_time("2026-11-22 14:00:00"):
            missed, calls = self._run_as_scheduled(
                "property_butler_decoration.property_decoration_check_cron_missed",
                "_cron_mark_missed",
                batch_size=2,
            )
        self.assertEqual(missed & permit.check_ids, today)
        self.assertEqual(calls, self._batched_calls(len(missed), 2))
        self.assertEqual(set(today.mapped("state")), {"missed"})


@tagged("post_install", "-at_install")
class TestDecorationReport(DecorationCase):
    report_xmlid = "property_butler_decoration.property_decoration_permit_report_monitoring"

    def test_monitoring_record_lists_workers_and_checks(self):
        with freeze_time("2026-11-22 00:30:00"):
            permit = self._permit()
            permit.action_approve()
            check = permit.check_ids.sorted("date_planned")[0]
        with freeze_time("2026-11-22 01:10:00"):
            check.with_user(self.guard).action_check(
                {
                    "problem_debris": True,
                    "violation": "Debris moved at noon",
                    "action_taken": "fine",
                }
            )
        report = self.env.ref(self.report_xmlid)
        html = str(report._render_qweb_html(report.report_name, permit.ids)[0], "utf-8")
        for text in ("张师傅", "P-001", "HW-8899", self.guard.name, "Debris moved at noon", "Fine"):
            self.assertIn(text, html)
        self.assertIn("09:00", html, "times in the permit's time zone")
        self.assertEqual(html.count("✘"), 3, "debris, the expired pass P-002 and the legend")
        pdf, file_format = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, permit.ids
        )
        self.assertEqual(file_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestDecorationRoles(DecorationCase):
    @freeze_time("2026-11-22 00:30:00")
    def test_butler_runs_the_permit(self):
        permit = self.Permit.with_user(self.butler).create(
            {
                "unit_id": self.unit.id,
                "applicant_id": self.owner.id,
                "contractor_name": "Independent team",
                "scope": "Painting",
                "date_start": date(2026, 11, 22),
                "date_end": date(2026, 11, 30),
                "agreement_file": AGREEMENT,
                "tz": "Asia/Shanghai",
            }
        )
        permit.action_approve()
        self.assertEqual(permit.state, "active")
        self.assertEqual(self.unit.state, "decorating")
        self.assertEqual(len(permit.check_ids), 12)
        self.assertFalse(permit.check_ids.guard_id, "no guard on the permit: unassigned")
        permit.action_done()
        self.assertFalse(self.unit.is_decorating)

    def test_views_open_for_every_role(self):
        actions = (
            "property_butler_decoration.property_decoration_permit_action",
            "property_butler_decoration.property_decoration_check_action",
            "property_butler_decoration.property_decoration_worker_action",
        )
        for user in (self.manager, self.butler, self.front_desk, self.guard):
            for xmlid in actions:
                action = self.env.ref(xmlid).sudo()
                Model = self.env[action.res_model].with_user(user)
                modes = action.view_mode.split(",")
                views = Model.get_views([(False, mode) for mode in [*modes, "search"]])
                self.assertEqual(set(views["views"]), {*modes, "search"}, (user.login, xmlid))
                Model.web_search_read(domain=[], specification={"display_name": {}}, limit=10)
