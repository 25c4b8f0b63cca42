from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ActivityCase


@tagged("post_install", "-at_install")
class TestActivity(ActivityCase):
    def test_plan_approved_by_manager_only(self):
        event = self._activity(approved=False).with_user(self.butler)
        self.assertEqual(event.property_state, "draft")
        with self.assertRefused(UserError, "not approved"):
            self._signup(event, self.owner, self.unit)
        event.action_property_submit()
        self.assertEqual(event.property_state, "submitted")
        with self.assertRaises(AccessError):
            event.action_property_approve()
        with self.assertRefused(UserError, "buttons only"):
            event.write({"property_state": "approved"})
        with self.assertRaises(AccessError):
            event.with_user(self.supervisor).action_property_approve()
        event.with_user(self.manager).action_property_approve()
        self.assertEqual(event.property_state, "approved")
        self.assertEqual(event.property_approved_by_id, self.manager)
        with self.assertRaises(AccessError):
            event.action_property_reset_draft()
        registration = self._signup(event, self.owner, self.unit)
        self.assertEqual(registration.state, "open")

    def test_only_property_events_follow_the_plan(self):
        event = self.env["event.event"].create(
            {
                "name": "Trade fair",
                "date_begin": fields.Datetime.now() + timedelta(days=1),
                "date_end": fields.Datetime.now() + timedelta(days=2),
            }
        )
        with self.assertRefused(UserError, "not a community activity"):
            event.action_property_submit()
        # Odoo's own events are signed up for as before.
        registration = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.tenant.id}
        )
        self.assertEqual(registration.state, "open")

    def test_announced_as_notice(self):
        event = self._activity(approved=False)
        with self.assertRefused(UserError, "not approved"):
            event.with_user(self.butler).action_property_announce()
        event.write({"property_state": "approved"})
        event.with_user(self.butler).action_property_announce()
        notice = event.property_notice_id
        self.assertEqual(notice.category, "activity")
        self.assertEqual(notice.project_id, self.project)
        self.assertEqual(notice.state, "posted")
        self.assertEqual(notice.name, "中秋赏月晚会")
        self.assertIn("/my/activities", notice.body)
        # (its last day where it takes place, whatever the server's time zone)
        local = event.with_context(tz=event.date_tz)
        self.assertEqual(notice.date_expiry, fields.Date.context_today(local, event.date_end))
        self.assertEqual(notice.date_post, fields.Date.context_today(local))
        # The owner of 3-2-1502 sees it among his notices.
        self.assertIn(self.owner, notice.sudo()._affected_residents())
        event.action_property_announce()
        self.assertEqual(
            self.env["property.notice"].search_count(
                [("name", "=", "中秋赏月晚会"), ("project_id", "=", self.project.id)]
            ),
            1,
        )

    def test_headcount_and_places(self):
        event = self._activity(seats_limited=True, seats_max=4)
        self._signup(event, self.owner, self.unit, size=3)
        self.assertEqual(event.property_headcount, 3)
        self.assertEqual(event.property_seats_left, 1)
        with self.assertRefused(ValidationError, "only 4 places"):
            self._signup(event, self.other_owner, self.unit_b, size=2)
        with self.assertRaises(ValidationError):
            self._signup(event, self.other_owner, self.unit_b, size=0)
        other = self._signup(event, self.other_owner, self.unit_b, size=1)
        self.assertEqual(event.property_headcount, 4)
        other.action_cancel()
        self.assertEqual(event.property_headcount, 3)
        # The sign-up list of the service hall: units, names and people, no phones.
        html = self._render_html(
            "property_butler_activity.action_report_property_activity_signup",
            event,
            user=self.front_desk,
        )
        self.assertIn("3-2-1502", html)
        self.assertIn(self.owner.name, html)
        self.assertNotIn("13800000001", html)
        self.assertNotIn(self.other_owner.name, html)

    def test_registrations_follow_the_grid(self):
        event = self._activity()
        mine = self._signup(event, self.owner, self.unit)
        other = self._signup(event, self.other_owner, self.unit_b)
        Registration = self.env["event.registration"]
        self.company.property_grid_restricted = True
        seen = Registration.with_user(self.butler).search([("event_id", "=", event.id)])
        self.assertEqual(seen, mine)
        self.assertEqual(
            Registration.with_user(self.front_desk).search([("event_id", "=", event.id)]),
            mine | other,
        )
        self.assertEqual(
            Registration.with_user(self.supervisor).search([("event_id", "=", event.id)]),
            mine | other,
        )
        with self.assertRaises(AccessError):
            Registration.with_user(self.guard).search([])
        with self.assertRaises(AccessError):
            Registration.with_user(self.resident).search([])
        # The headcount is the whole activity's, whoever reads it.
        self.assertEqual(event.with_user(self.butler).property_headcount, 2)
        self.company.property_grid_restricted = False
        self.assertEqual(
            Registration.with_user(self.butler).search([("event_id", "=", event.id)]),
            mine | other,
        )

    def test_qr_check_in(self):
        event = self._activity()
        other_event = self._activity(name="重阳登山")
        registration = self._signup(event, self.owner, self.unit, size=2)
        elsewhere = self._signup(other_event, self.other_owner, self.unit_b)
        self.assertTrue(registration.barcode)
        wizard = Form(self.env["property.activity.checkin"].with_user(self.front_desk))
        wizard.event_id = event
        wizard.code = "00000000"
        checkin = wizard.save()
        with self.assertRefused(UserError, "No sign-up of this activity"):
            checkin.action_check_in()
        checkin.code = str(registration.id)
        with self.assertRefused(UserError, "No sign-up of this activity"):
            checkin.action_check_in()
        checkin.code = elsewhere.barcode
        with self.assertRefused(UserError, "No sign-up of this activity"):
            checkin.action_check_in()
        self.assertEqual(elsewhere.state, "open")
        checkin.code = f" {registration.barcode} "
        checkin.action_check_in()
        self.assertEqual(registration.state, "done")
        self.assertEqual(checkin.last_registration_id, registration)
        self.assertFalse(checkin.code)
        self.assertEqual(event.property_attended_count, 2)
        checkin.code = registration.barcode
        with self.assertRefused(UserError, "already checked in"):
            checkin.action_check_in()
        cancelled = self._signup(event, self.tenant, self.unit2)
        cancelled.action_cancel()
        checkin.code = cancelled.barcode
        with self.assertRefused(UserError, "cancelled"):
            checkin.action_check_in()

    def test_callbacks_idempotent(self):
        event = self._activity(name="端午节包粽子", days=-3)
        upcoming = self._activity(days=5)
        came, came_too, absent = (
            self._signup(event, self.owner, self.unit, size=2),
            self._signup(event, self.other_owner, self.unit_b),
            self._signup(event, self.tenant, self.unit2),
        )
        (came | came_too).action_set_done()
        self._signup(upcoming, self.owner, self.unit).action_set_done()
        callbacks, calls = self._run_as_scheduled(
            "property_butler_activity.ir_cron_property_activity_callbacks",
            "_cron_property_create_callbacks",
            batch_size=1,
        )
        self.assertEqual(calls, [(1, 1), (1, 0)])
        self.assertEqual(callbacks.registration_id, came | came_too)
        self.assertNotIn(absent, callbacks.registration_id)
        self.assertEqual(callbacks.filtered(lambda c: c.unit_id == self.unit).user_id, self.butler)
        self.assertEqual(
            callbacks.filtered(lambda c: c.unit_id == self.unit_b).user_id, self.butler2
        )
        # Again: the cron and the button create nothing more.
        again, calls = self._run_as_scheduled(
            "property_butler_activity.ir_cron_property_activity_callbacks",
            "_cron_property_create_callbacks",
        )
        self.assertFalse(again)
        self.assertEqual(calls, [(0, 0)])
        event.with_user(self.butler).action_property_create_callbacks()
        self.assertEqual(event.property_callback_count, 2)
        self.assertEqual(upcoming.property_callback_count, 0)
        # The butler calls back: a rating is needed.
        callback = callbacks.filtered(lambda c: c.unit_id == self.unit).with_user(self.butler)
        with self.assertRefused(UserError, "rating"):
            callback.action_done()
        callback.write({"rating": "5", "feedback": "很开心", "suggestion": "下次办亲子运动会"})
        callback.action_done()
        self.assertEqual(callback.state, "done")
        # A butler restricted to his grid sees his grid's callbacks only.
        self.company.property_grid_restricted = True
        self.assertEqual(
            self.env["property.activity.callback"].with_user(self.butler).search([]), callback
        )

    def test_yearly_count(self):
        Yearly = self.env["property.activity.yearly"]
        year = fields.Date.context_today(self.env.user).year
        now = fields.Datetime.now()
        # This year's activities: one a day ago, one an hour ahead (still this year on Dec 31st
        # only if it starts this year: keep both within the year).
        start = max(now - timedelta(days=1), now.replace(month=1, day=2, hour=0))

        def row():
            self.env.invalidate_all()
            return Yearly.search([("project_id", "=", self.project.id), ("year", "=", year)])

        self.assertEqual(row().activity_count, 0)
        self.assertEqual(row().target, 2)
        self.assertFalse(row().target_met)
        vals = {"property_project_id": self.project.id, "date_tz": "Asia/Shanghai"}
        first = self.env["event.event"].create(
            {**vals, "name": "A", "date_begin": start, "date_end": start + timedelta(hours=1)}
        )
        first.write({"property_state": "approved"})
        self.env["event.event"].create(
            {**vals, "name": "Draft", "date_begin": start, "date_end": start + timedelta(hours=1)}
        )
        self.assertEqual(row().activity_count, 1)
        self.assertEqual(row().missing, 1)
        second = first.copy({"name": "B"})
        self.assertEqual(second.property_state, "draft")
        second.write({"property_state": "approved"})
        self.assertEqual(row().activity_count, 2)
        self.assertTrue(row().target_met)
        self.company.property_activities_per_year = 3
        self.assertFalse(row().target_met)
        self.assertEqual(row().missing, 1)
        # Another company's projects are not shown.
        _company, moon, _building, _unit = self._moon_bay()
        self.assertFalse(Yearly.with_user(self.butler).search([("project_id", "=", moon.id)]))
        with self.assertRaises(ValidationError):
            self.company.property_activities_per_year = -1

    def test_sign_up_list_for_the_front_desk_only(self):
        event = self._activity()
        self._signup(event, self.owner, self.unit)
        report = "property_butler_activity.action_report_property_activity_signup"
        for user in (self.guard, self.staff, self.resident):
            with self.assertRaises(AccessError):
                self._render_html(report, event, user=user)
        self.assertIn("3-2-1502", self._render_html(report, event, user=self.butler))

    def test_butler_plans_an_activity_in_the_form(self):
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=20)
        with Form(self.env["event.event"].with_user(self.butler)) as form:
            form.name = "重阳敬老茶话会"
            form.property_project_id = self.project
            form.date_begin = start
            form.date_end = start + timedelta(hours=2)
        event = form.record
        self.assertEqual(event.property_state, "draft")
        self.assertEqual(event.company_id, self.company)
        event.action_property_submit()
        self.assertIn(
            event,
            self.env["event.event"]
            .with_user(self.manager)
            .search([("property_state", "=", "submitted")]),
        )

    def test_unit_of_the_activity_project(self):
        _company, _moon, _building, moon_unit = self._moon_bay()
        event = self._activity()
        with self.assertRefused(ValidationError, "not in Sunshine Garden"):
            self._signup(event, self.owner, moon_unit.sudo())

    def test_plan_approval_by_its_buttons_only(self):
        """Through RPC, nobody writes a plan's status or approver: a butler cannot approve his
        own plan, not even the manager skips the buttons; a plan is created as a draft."""
        event = self._activity(approved=False).with_user(self.butler)
        for vals in (
            {"property_state": "approved"},
            {"property_state": "submitted"},
            {"property_approved_by_id": self.manager.id},
        ):
            with self.assertRefused(UserError, "buttons only"):
                event.write(vals)
            with self.assertRefused(UserError, "buttons only"):
                event.with_user(self.manager).write(vals)
        self.assertEqual(event.property_state, "draft")
        self.assertFalse(event.property_approved_by_id)
        start = fields.Datetime.now() + timedelta(days=3)
        vals = {
            "name": "自己批准的活动",
            "property_project_id": self.project.id,
            "date_begin": start,
            "date_end": start + timedelta(hours=2),
        }
        Event = self.env["event.event"].with_user(self.butler)
        with self.assertRefused(UserError, "created as a draft"):
            Event.create({**vals, "property_state": "approved"})
        with self.assertRefused(UserError, "created as a draft"):
            Event.create({**vals, "property_approved_by_id": self.butler.id})
        # The buttons: submitted by the butler, approved by the manager, reopened by him.
        event.action_property_submit()
        with self.assertRefused(UserError, "Only draft"):
            event.action_property_submit()
        with self.assertRaises(AccessError):
            event.action_property_approve()
        self.assertEqual(event.property_state, "submitted")
        event.with_user(self.manager).action_property_approve()
        self.assertEqual(event.property_state, "approved")
        self.assertEqual(event.property_approved_by_id, self.manager)
        with self.assertRefused(UserError, "Only submitted"):
            event.with_user(self.manager).action_property_approve()
        event.with_user(self.manager).action_property_reset_draft()
        self.assertEqual(event.property_state, "draft")
        self.assertFalse(event.property_approved_by_id)
        # A user who may not write the event does not use the buttons either.
        with self.assertRaises(AccessError):
            event.with_user(self.guard).action_property_submit()

    def test_callback_status_by_its_buttons_only(self):
        event = self._activity(name="端午节包粽子", days=-3)
        registration = self._signup(event, self.owner, self.unit)
        registration.action_set_done()
        callback = event._property_create_callbacks().with_user(self.butler)
        self.assertEqual(callback.state, "todo")
        with self.assertRefused(UserError, "buttons only"):
            callback.write({"state": "done", "rating": "5"})
        with self.assertRefused(UserError, "buttons only"):
            callback.write({"date_done": fields.Datetime.now()})
        self.assertEqual(callback.state, "todo")
        Callback = self.env["property.activity.callback"].with_user(self.supervisor)
        with self.assertRefused(UserError, "created to be made"):
            Callback.create(
                {"event_id": event.id, "registration_id": registration.id, "state": "done"}
            )
        callback.write({"rating": "4", "feedback": "不错"})
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertTrue(callback.date_done)
        with self.assertRefused(UserError, "still to make"):
            callback.action_done()
        callback.action_reset()
        self.assertEqual(callback.state, "todo")
        self.assertFalse(callback.date_done)
        # Not readable by the guard: no button either.
        with self.assertRaises(AccessError):
            callback.with_user(self.guard).action_done()

    def test_unit_of_the_activity_company(self):
        """Odoo's own events (of no property project) take a unit of their company only."""
        _company, _moon, _building, moon_unit = self._moon_bay()
        start = fields.Datetime.now() + timedelta(days=1)
        event = self.env["event.event"].create(
            {"name": "Open day", "date_begin": start, "date_end": start + timedelta(hours=2)}
        )
        with self.assertRefused(ValidationError, "not of"):
            self._signup(event, self.owner, moon_unit.sudo())
        registration = self._signup(event, self.owner, self.unit)
        with self.assertRefused(ValidationError, "not of"):
            registration.unit_id = moon_unit.sudo()
        self.assertEqual(registration.unit_id, self.unit)

    def test_portal_signup_for_the_last_places(self):
        """Two residents sign up for the last 2 places: the first gets them, the second is
        refused and nothing of his is written."""
        event = self._activity(seats_limited=True, seats_max=3)
        self._signup(event, self.tenant, self.unit2)
        first, error = event.sudo()._property_portal_signup(self.owner, self.unit, 2)
        self.assertFalse(error)
        self.assertEqual(first.state, "open")
        self.assertEqual(first.property_party_size, 2)
        self.assertEqual(event.property_seats_left, 0)
        second, error = event.sudo()._property_portal_signup(self.other_owner, self.unit_b, 1)
        self.assertEqual(error, "full")
        self.assertFalse(second)
        _again, error = event.sudo()._property_portal_signup(self.owner, self.unit, 1)
        self.assertEqual(error, "already")
        self.assertFalse(
            self.env["event.registration"].search_count(
                [("event_id", "=", event.id), ("partner_id", "=", self.other_owner.id)]
            )
        )
        self.assertEqual(event.property_headcount, 3)

    def test_portal_signup_refused_leaves_nothing(self):
        """A sign-up refused by a constraint is rolled back to its savepoint: no sign-up, no
        mail registration; the transaction goes on."""
        _company, _moon, _building, moon_unit = self._moon_bay()
        event = self._activity(seats_limited=True, seats_max=5)
        registration, error = event.sudo()._property_portal_signup(self.owner, moon_unit.sudo(), 1)
        self.assertEqual(error, "refused")
        self.assertFalse(registration)
        self.assertFalse(self.env["event.registration"].search_count([("event_id", "=", event.id)]))
        self.assertEqual(event.property_headcount, 0)
        registration, error = event.sudo()._property_portal_signup(self.owner, self.unit, 1)
        self.assertFalse(error)
        self.assertEqual(event.property_headcount, 1)
