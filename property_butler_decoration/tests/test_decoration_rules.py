from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command, http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.property_butler_patrol.report.report_property_patrol_route_qr import qr_svg_src

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .test_decoration import DecorationCase


def local(year, month, day, hour, minute=0):
    """A naive UTC datetime of a local (Asia/Shanghai, UTC+8) time."""
    return datetime(year, month, day, hour - 8, minute)


class RulesCase(DecorationCase):
    def _active(self, **vals):
        with freeze_time("2026-11-22 00:30:00"):  # 08:30 in Shanghai
            permit = self._permit(**vals)
            permit.action_approve()
            permit.worker_ids.pass_expiry = date(2026, 12, 31)
        return permit

    def _do(self, permit, at, values=None, planned=None):
        """The guard does the check planned at ``planned`` (local) at ``at`` (local)."""
        check = permit.check_ids.filtered(lambda c: c.date_planned == (planned or at))
        if not check:
            check = self.Check.create(
                {"permit_id": permit.id, "date_planned": planned or at, "guard_id": self.guard.id}
            )
        with freeze_time(at):
            check.with_user(self.guard).action_check(values or {})
        return check

    def _worker(self, permit, pass_number):
        return permit.worker_ids.filtered(lambda w: w.pass_number == pass_number)


@tagged("post_install", "-at_install")
class TestChecksPerShift(RulesCase):
    """每班不少于3次 (seed 000, 3.3.1): three checks per guard shift between 08:00 and 22:00."""

    def test_check_times_need_three_per_shift_within_the_patrol_hours(self):
        with self.assertRefused(ValidationError, "Night Shift"):
            self._permit(check_times="09:00, 14:00, 19:00")
        with self.assertRefused(ValidationError, "20:00-22:00"):
            self._permit(check_times="09:00, 14:00, 19:00, 20:30, 21:00")
        with self.assertRefused(ValidationError, "Day Shift"):
            self._permit(check_times="09:00, 19:30, 20:30, 21:00, 21:30")
        permit = self._permit()
        self.assertEqual(permit.check_times, "09:00, 14:00, 19:00, 20:15, 21:00, 21:45")

    def test_checks_are_planned_and_counted_per_shift(self):
        day_shift = self.env.ref("property_butler_patrol.property_patrol_shift_day")
        night_shift = self.env.ref("property_butler_patrol.property_patrol_shift_night")
        permit = self._active()
        today = permit.check_ids.filtered(lambda c: c.shift_date == date(2026, 11, 22))
        self.assertEqual(len(today.filtered(lambda c: c.shift_id == day_shift)), 3)
        self.assertEqual(len(today.filtered(lambda c: c.shift_id == night_shift)), 3)
        self.assertFalse(permit.check_ids.filtered("shift_shortfall"))
        self.assertEqual(set(today.mapped("shift_check_count")), {3})
        # The night shift misses its 21:00 check: that shift is short, not the day shift.
        for hour, minute in ((9, 0), (14, 0), (19, 0), (20, 15), (21, 45)):
            self._do(permit, local(2026, 11, 22, hour, minute))
        with freeze_time("2026-11-22 15:30:00"):  # 23:30
            self.Check._cron_mark_missed()
        self.assertEqual(
            today.filtered(lambda c: c.date_planned == local(2026, 11, 22, 21)).state, "missed"
        )
        night = today.filtered(lambda c: c.shift_id == night_shift)
        self.assertTrue(all(night.mapped("shift_shortfall")))
        self.assertFalse(
            any(today.filtered(lambda c: c.shift_id == day_shift).mapped("shift_shortfall"))
        )
        self.assertEqual(permit.shortfall_shift_count, 1)
        # The guards' supervisor (the project's) is told, once.
        activity = permit.activity_ids.filtered(lambda a: "short" in a.summary)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertIn("Night Shift", str(activity.note))
        with freeze_time("2026-11-23 15:30:00"):
            self.Check._cron_mark_missed()
        self.assertEqual(len(permit.activity_ids.filtered(lambda a: "short" in a.summary)), 1)
        shortfalls = self.Check.with_user(self.supervisor).search(
            [("permit_id", "=", permit.id), ("shift_shortfall", "=", True)]
        )
        self.assertIn(night[0], shortfalls)

    def test_three_checks_done_in_a_shift_is_no_shortfall(self):
        permit = self._active()
        for hour, minute in ((9, 0), (14, 0), (19, 0)):
            self._do(permit, local(2026, 11, 22, hour, minute))
        day = permit.check_ids.filtered(
            lambda c: c.shift_date == date(2026, 11, 22) and c.state == "done"
        )
        self.assertEqual(len(day), 3)
        self.assertFalse(any(day.mapped("shift_shortfall")))


@tagged("post_install", "-at_install")
class TestCheckRules(RulesCase):
    """Seed 000, 3.3.2-3.3.6: hours, debris, hot work, passes, overnight stays."""

    def test_work_outside_the_allowed_hours_is_a_violation(self):
        permit = self._active()
        inside = self._do(permit, local(2026, 11, 22, 9), {"work_in_progress": True})
        self.assertFalse(inside.problem_hours)
        self.assertFalse(inside.has_problem)
        outside = self._do(
            permit,
            local(2026, 11, 22, 12, 30),
            {"work_in_progress": True},
            planned=local(2026, 11, 22, 12, 30),
        )
        self.assertTrue(outside.problem_hours)
        self.assertIn("12:30", outside.violation)
        self.assertIn("07:00-12:00, 14:00-19:00", outside.violation)
        self.assertTrue(outside.ticket_ids, "a violation is a finding")
        # No work going on at 20:15: nothing to flag.
        quiet = self._do(permit, local(2026, 11, 22, 20, 15))
        self.assertFalse(quiet.problem_hours)
        # The permit's own hours: work until 20:00 allowed.
        late = self._active(unit_id=self.unit2.id, hour_afternoon_to=20.0)
        late_check = self._do(
            late,
            local(2026, 11, 22, 19, 30),
            {"work_in_progress": True},
            planned=local(2026, 11, 22, 19, 30),
        )
        self.assertFalse(late_check.problem_hours)

    def test_debris_moved_only_after_18(self):
        permit = self._active()
        early = self._do(permit, local(2026, 11, 22, 14), {"debris_being_moved": True})
        self.assertTrue(early.problem_debris)
        self.assertIn("before 18:00", early.violation)
        evening = self._do(permit, local(2026, 11, 22, 19), {"debris_being_moved": True})
        self.assertFalse(evening.problem_debris)

    def test_hot_work_only_with_a_valid_operator_certificate(self):
        permit = self._active()
        zhang, liu = self._worker(permit, "P-001"), self._worker(permit, "P-002")
        zhang.write(
            {
                "certificate_kind": "welding",
                "hot_work_certificate": "T440101",
                "certificate_expiry": date(2027, 6, 30),
            }
        )
        # 刘师傅's number HW-8899 has no kind nor expiry: not a valid certificate.
        check = self._do(
            permit,
            local(2026, 11, 22, 9),
            {"hot_work_worker_ids": [Command.set((zhang | liu).ids)]},
        )
        self.assertTrue(check.problem_hot_work)
        self.assertIn("刘师傅", check.violation)
        self.assertNotIn("张师傅", check.violation)
        ok = self._do(
            permit, local(2026, 11, 22, 14), {"hot_work_worker_ids": [Command.set(zhang.ids)]}
        )
        self.assertFalse(ok.problem_hot_work)
        # An expired certificate is no certificate.
        zhang.certificate_expiry = date(2026, 11, 21)
        expired = self._do(
            permit, local(2026, 11, 22, 19), {"hot_work_worker_ids": [Command.set(zhang.ids)]}
        )
        self.assertTrue(expired.problem_hot_work)
        self.assertIn("张师傅", expired.violation)

    def test_expired_or_another_persons_pass_is_confiscated(self):
        permit = self._active()
        zhang, liu = self._worker(permit, "P-001"), self._worker(permit, "P-002")
        liu.pass_expiry = date(2026, 11, 21)
        check = self._do(
            permit,
            local(2026, 11, 22, 9),
            {"wrong_holder_worker_ids": [Command.set(zhang.ids)]},
        )
        self.assertEqual(check.confiscated_worker_ids, zhang | liu)
        self.assertTrue(check.problem_worker_pass)
        self.assertEqual(check.action_taken, "pass_confiscated")
        self.assertIn("held by another person", check.violation)
        self.assertIn("expired", check.violation)
        self.assertFalse(zhang.pass_active or liu.pass_active, "the passes become inactive")
        self.assertEqual(zhang.confiscated_by_id, self.guard)
        activity = permit.activity_ids.filtered(lambda a: "confiscated" in a.summary)
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("property_butler.property_butler_group_front_desk"),
            "the front desk is told",
        )
        self.assertIn("P-001", str(activity.note))
        # The next check does not take them again.
        again = self._do(permit, local(2026, 11, 22, 14))
        self.assertFalse(again.confiscated_worker_ids)
        self.assertFalse(again.problem_worker_pass)

    def test_overnight_stay_needs_a_certificate(self):
        permit = self._active()
        zhang, liu = self._worker(permit, "P-001"), self._worker(permit, "P-002")
        Stay = self.env["property.decoration.stay"].with_user(self.front_desk)
        with self.assertRefused(ValidationError, "within the dates of permit"):
            Stay.create(
                {
                    "worker_id": zhang.id,
                    "date_from": date(2026, 11, 1),
                    "date_to": date(2026, 11, 23),
                }
            )
        Stay.create(
            {"worker_id": zhang.id, "date_from": date(2026, 11, 22), "date_to": date(2026, 11, 23)}
        )
        self.assertEqual(permit.stay_ids.worker_id, zhang)
        night = self._do(
            permit,
            local(2026, 11, 22, 21),
            {"staying_worker_ids": [Command.set((zhang | liu).ids)]},
        )
        self.assertTrue(night.problem_overnight)
        self.assertIn("刘师傅", night.violation)
        self.assertNotIn("张师傅", night.violation)
        certified = self._do(
            permit, local(2026, 11, 23, 21), {"staying_worker_ids": [Command.set(zhang.ids)]}
        )
        self.assertFalse(certified.problem_overnight)
        after = self._do(
            permit, local(2026, 11, 24, 21), {"staying_worker_ids": [Command.set(zhang.ids)]}
        )
        self.assertTrue(after.problem_overnight, "the certificate's last night has passed")


@tagged("post_install", "-at_install")
class TestPermitAndPassPrints(RulesCase):
    def test_permit_and_pass_cards_print(self):
        permit = self._active()
        report = self.env.ref(
            "property_butler_decoration.property_decoration_permit_report_permit_action"
        )
        html = str(
            report.with_user(self.butler)._render_qweb_html(report.report_name, permit.ids)[0],
            "utf-8",
        )
        for text in (permit.name, self.unit.code, "Kitchen and bathroom renovation", "07:00"):
            self.assertIn(text, html)
        passes = self.env.ref(
            "property_butler_decoration.property_decoration_worker_report_pass_action"
        )
        zhang = self._worker(permit, "P-001")
        token = zhang.sudo().pass_token
        self.assertGreaterEqual(len(token), 32)
        html = str(
            passes.with_user(self.front_desk)._render_qweb_html(
                passes.report_name, permit.worker_ids.ids
            )[0],
            "utf-8",
        )
        url = f"{zhang.get_base_url()}/property/decoration/pass/{token}"
        self.assertIn(f'src="{qr_svg_src(url)}"', html)
        self.assertNotIn(token, html.replace(qr_svg_src(url), ""))
        self.assertIn("张师傅", html)
        self.assertIn("P-002", html)
        pdf, file_format = passes.with_context(force_report_rendering=True)._render_qweb_pdf(
            passes.report_name, zhang.ids
        )
        self.assertEqual(file_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # Staff never read the token.
        with self.assertRaises(AccessError):
            zhang.with_user(self.guard).read(["pass_token"])


@tagged("post_install", "-at_install")
class TestPassPage(PropertyHttpCase, RulesCase):
    def test_guard_scans_a_pass_and_confiscates_it(self):
        permit = self._active(end=date(2030, 12, 31))
        permit.worker_ids.pass_expiry = date(2030, 12, 31)
        zhang = self._worker(permit, "P-001")
        token = zhang.sudo().pass_token
        other_company = self.env["res.company"].create({"name": "Moon Bay Property"})
        other_guard = self._user("pb_deco_other_guard", "patrol_guard", company=other_company)
        self._login(self.guard)
        response = self.url_open(f"/property/decoration/pass/{token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("张师傅", response.text)
        self.assertIn("Valid now", response.text)
        response = self.url_open(
            f"/property/decoration/pass/{token}/confiscate",
            data={"csrf_token": http.Request.csrf_token(self), "reason": "holder"},
        )
        self.assertIn("Pass confiscated", response.text)
        self.assertFalse(zhang.pass_active)
        self.assertTrue(permit.activity_ids.filtered(lambda a: "confiscated" in a.summary))
        response = self.url_open(f"/property/decoration/pass/{token}")
        self.assertIn("This pass was confiscated.", response.text)
        self._login(other_guard)
        response = self.url_open(f"/property/decoration/pass/{token}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("张师傅", response.text)
        self._login(self.staff)
        response = self.url_open(f"/property/decoration/pass/{token}")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("张师傅", response.text)
        response = self.url_open("/property/decoration/pass/not-a-token")
        self.assertEqual(response.status_code, 403)


@tagged("post_install", "-at_install")
class TestPassTokens(RulesCase):
    def test_each_worker_has_its_own_token_after_an_upgrade(self):
        permit = self._permit()
        zhang, liu = permit.worker_ids
        # A column added on upgrade gives every existing row the same default.
        self.env.cr.execute(
            "UPDATE property_decoration_worker SET pass_token = 'same' WHERE id IN %s",
            [tuple(permit.worker_ids.ids)],
        )
        self.env["property.decoration.worker"].init()
        self.env.invalidate_all()
        tokens = {zhang.sudo().pass_token, liu.sudo().pass_token}
        self.assertEqual(len(tokens), 2)
        self.assertTrue(all(len(token) >= 32 or token == "same" for token in tokens))
