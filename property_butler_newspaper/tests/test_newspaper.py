from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_newspaper import DAY, NewspaperCase


@tagged("post_install", "-at_install")
class TestNewspaper(NewspaperCase):
    def _delivery(self, day=DAY, user=None):
        return self.Delivery.with_user(user or self.front_desk).create(
            {"project_id": self.project.id, "date": day}
        )

    def test_expected_copies_come_from_current_subscriptions(self):
        delivery = self._delivery()
        lines = {line.title_id: line for line in delivery.line_ids}
        self.assertEqual(set(lines), {self.youth, self.morning})
        self.assertEqual(lines[self.youth].expected_qty, 3)  # 2 + 1, two buildings
        self.assertEqual(lines[self.morning].expected_qty, 1)  # the ended one is not counted
        # Before the term of every subscription: nothing expected.
        self.assertFalse(self._delivery(date(2024, 12, 31)).line_ids)

    def test_shortfall_and_surplus_are_flagged(self):
        delivery = self._delivery()
        lines = {line.title_id: line for line in delivery.line_ids}
        lines[self.youth].received_qty = 3
        lines[self.morning].received_qty = 1
        self.assertEqual(lines[self.youth].status, "ok")
        self.assertFalse(delivery.has_discrepancy)
        lines[self.youth].received_qty = 2
        self.assertEqual(lines[self.youth].status, "shortfall")
        self.assertEqual(lines[self.youth].difference, -1)
        self.assertTrue(delivery.has_discrepancy)
        lines[self.morning].received_qty = 2
        self.assertEqual(lines[self.morning].status, "surplus")
        self.assertEqual(delivery.received_total, 4)
        self.assertEqual(delivery.expected_total, 4)

    def test_refresh_expected_follows_a_changed_subscription(self):
        delivery = self._delivery()
        self.sub_youth.quantity = 4
        self.sub_morning.date_end = date(2026, 3, 1)
        delivery.action_refresh_expected()
        lines = {line.title_id: line for line in delivery.line_ids}
        self.assertEqual(lines[self.youth].expected_qty, 5)
        self.assertEqual(lines[self.morning].expected_qty, 0)

    def test_sorted_by_0830_local_is_on_time(self):
        delivery = self._delivery()
        # 08:29 in Shanghai is 00:29 UTC.
        with freeze_time(datetime(2026, 3, 10, 0, 29)):
            delivery.action_sorted()
        self.assertEqual(delivery.sorted_time, "08:29")
        self.assertFalse(delivery.is_late)
        self.assertEqual(delivery.sorted_by_id, self.front_desk)
        with self.assertRaisesRegex(UserError, "counted before the sorting"):
            delivery.line_ids[:1].received_qty = 9

    def test_sorted_after_0830_local_is_late(self):
        delivery = self._delivery()
        with freeze_time(datetime(2026, 3, 10, 0, 31)):
            delivery.action_sorted()
        self.assertEqual(delivery.sorted_time, "08:31")
        self.assertTrue(delivery.is_late)
        self.assertIn("after the 08:30 deadline", delivery.message_ids[:1].body)
        # The next morning is late too, whatever the hour.
        next_day = self._delivery(date(2026, 3, 9))
        with freeze_time(datetime(2026, 3, 9, 23, 0)):  # 07:00 on the 10th
            next_day.action_sorted()
        self.assertTrue(next_day.is_late)

    def test_sorting_time_is_read_in_the_sorters_time_zone(self):
        self.front_desk.tz = "Europe/Paris"
        delivery = self._delivery()
        with freeze_time(datetime(2026, 3, 10, 7, 20)):  # 08:20 in Paris, 15:20 in Shanghai
            delivery.action_sorted()
        self.assertEqual(delivery.sorted_time, "08:20")
        self.assertFalse(delivery.is_late)

    def test_company_deadline_setting(self):
        settings = self.env["res.config.settings"].create({"property_newspaper_deadline": 9.0})
        settings.execute()
        self.assertEqual(self.company.property_newspaper_deadline, 9.0)
        delivery = self._delivery()
        self.assertEqual(delivery.deadline, "09:00")
        with freeze_time(datetime(2026, 3, 10, 0, 45)):  # 08:45
            delivery.action_sorted()
        self.assertFalse(delivery.is_late)

    def test_leftovers_go_to_the_front_desk_handover(self):
        delivery = self._delivery()
        line = delivery.line_ids.filtered(lambda line: line.title_id == self.youth)
        line.write({"received_qty": 3, "leftover_qty": 1, "note": "1502 not at home"})
        with self.assertRaisesRegex(UserError, "Sort the newspapers"):
            delivery.action_done()
        delivery.action_sorted()
        delivery.action_done()
        self.assertEqual(delivery.state, "done")
        item = delivery.handover_item_ids
        self.assertEqual(len(item), 1)
        self.assertIn("Youth Daily", item.description)
        self.assertIn("1502 not at home", item.description)
        log = item.log_id
        self.assertEqual(
            (log.kind, log.state, log.project_id), ("front_desk", "draft", self.project)
        )
        self.assertEqual(log.handed_by_id, self.front_desk)
        # The next day's leftovers join the same draft handover.
        other = self._delivery(date(2026, 3, 11))
        other.line_ids[:1].write({"received_qty": 2, "leftover_qty": 2})
        other.action_sorted()
        other.action_done()
        self.assertEqual(other.handover_item_ids.log_id, log)
        self.assertEqual(len(log.item_ids), 2)
        with self.assertRaisesRegex(UserError, "stay on record"):
            other.action_reset()
        with self.assertRaisesRegex(UserError, "stay on record"):
            other.line_ids[:1].leftover_qty = 0

    def test_no_leftover_no_handover_item(self):
        delivery = self._delivery()
        delivery.action_sorted()
        delivery.action_done()
        self.assertFalse(delivery.handover_item_ids)
        self.assertFalse(
            self.env["property.handover.log"].search([("project_id", "=", self.project.id)])
        )

    def test_bad_quantities_are_refused(self):
        delivery = self._delivery()
        with self.assertRaisesRegex(ValidationError, "more copies left over than received"):
            delivery.line_ids[:1].write({"received_qty": 1, "leftover_qty": 2})
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.sub_youth.write({"date_end": date(2025, 1, 1)})
            self.sub_youth.flush_recordset()
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.sub_youth.write({"quantity": 0})
            self.sub_youth.flush_recordset()

    def test_one_delivery_per_project_and_day(self):
        self._delivery()
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self._delivery()
            self.env.flush_all()

    @freeze_time("2026-03-10 01:00:00")
    def test_cron_creates_todays_delivery_once(self):
        other = self.env["property.project"].create({"name": "No Papers", "code": "NP"})
        created, calls = self._run_as_scheduled(
            "property_butler_newspaper.property_newspaper_delivery_cron",
            "_cron_create_deliveries",
        )
        self.assertEqual(created.project_id, self.project)
        self.assertEqual(created.date, DAY)
        self.assertEqual(calls, [(1, 0)])
        self.assertEqual(len(created.line_ids), 2)
        again, calls = self._run_as_scheduled(
            "property_butler_newspaper.property_newspaper_delivery_cron",
            "_cron_create_deliveries",
        )
        self.assertFalse(again)
        self.assertEqual(calls, [(0, 0)])
        self.assertFalse(self.Delivery.search([("project_id", "=", other.id)]))

    @freeze_time("2026-03-09 21:30:00")
    def test_cron_at_0530_shanghai_makes_the_local_days_delivery(self):
        """The cron runs at 05:30 in Shanghai, still the previous day in UTC."""
        created, _calls = self._run_as_scheduled(
            "property_butler_newspaper.property_newspaper_delivery_cron",
            "_cron_create_deliveries",
        )
        self.assertEqual(created.date, DAY)

    def test_current_filter(self):
        with freeze_time("2026-03-10 04:00:00"):
            current = self.Subscription.search([("is_current", "=", True)])
            self.assertIn(self.sub_youth, current)
            self.assertNotIn(self.sub_old, current)
            self.assertIn(self.sub_old, self.Subscription.search([("is_current", "=", False)]))

    def test_new_form_offers_units_and_titles(self):
        form = Form(self.Subscription.with_user(self.front_desk))
        form.unit_id = self.unit
        self.assertEqual(form.partner_id, self.owner)  # the unit's billing contact
        form.title_id = self.youth
        form.date_end = date(2026, 12, 31)
        subscription = form.save()
        self.assertEqual(subscription.project_id, self.project)
        self.assertEqual(subscription.building_id, self.building)

    def test_roles(self):
        # Front desk records subscriptions and deliveries, not titles.
        self.Subscription.with_user(self.front_desk).create(
            self._sub(self.unit2, self.owner, self.youth, 1)
        )
        with self.assertRaises(AccessError):
            self.env["property.newspaper.title"].with_user(self.front_desk).create({"name": "X"})
        self.env["property.newspaper.title"].with_user(self.supervisor).create({"name": "X"})
        with self.assertRaises(AccessError):
            self.sub_youth.with_user(self.front_desk).unlink()
        # Guards and department staff read none of it.
        for user in (self.guard, self.staff):
            with self.assertRaises(AccessError):
                self.Subscription.with_user(user).search([])
            with self.assertRaises(AccessError):
                self.Delivery.with_user(user).search([])

    def test_butler_sees_own_grid_when_restricted(self):
        self._grid(self.butler, building_ids=self._set(self.building))
        as_butler = self.Subscription.with_user(self.butler)
        self.assertIn(self.sub_neighbour, as_butler.search([]))
        self.company.property_grid_restricted = True
        as_butler.invalidate_model()
        self.assertEqual(
            set(as_butler.search([])), {self.sub_youth, self.sub_morning, self.sub_old}
        )
        # The front desk still sorts for every unit; supervisors see all.
        self.assertIn(self.sub_neighbour, self.Subscription.with_user(self.front_desk).search([]))
        self.assertIn(self.sub_neighbour, self.Subscription.with_user(self.supervisor).search([]))

    def test_other_company_is_invisible(self):
        company, project, _building, unit = self._moon_bay()
        title = self.env["property.newspaper.title"].create(
            {"name": "Moon Daily", "company_id": company.id}
        )
        moon = self.Subscription.create(self._sub(unit, self.other_owner, title, 1))
        self.assertEqual(moon.company_id, company)
        visible = self.Subscription.with_user(self.supervisor).search([])
        self.assertNotIn(moon, visible)
        with self.assertRaises(UserError):
            self.Subscription.create(self._sub(unit, self.owner, self.youth, 1))
        self.assertTrue(project)

    def test_subscription_list_report(self):
        subscriptions = self.sub_youth | self.sub_morning | self.sub_neighbour
        html = self._render_html(
            "property_butler_newspaper.property_newspaper_subscription_report_list_action",
            subscriptions,
            user=self.front_desk,
        )
        self.assertIn("客戶訂報清單", html)
        self.assertEqual(html.count("o_newspaper_list_line"), 3)
        self.assertIn("Building 5", html)
        self.assertIn("王芳", html)
        self.assertReportFont(html)
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_newspaper.property_newspaper_subscription_report_list_action",
                subscriptions,
                user=self.guard,
            )
