import logging
from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase, local_today

from ..controllers.property_newspaper_portal import PropertyNewspaperPortal
from .common_newspaper import NewspaperCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestNewspaperPortal(PropertyHttpCase, NewspaperCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._residents()

    def test_resident_sees_own_subscriptions(self):
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("My Newspapers", home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_newspaper_count"]}
        )
        self.assertEqual(counters["property_newspaper_count"], 3)  # the ended one too
        page = self.url_open("/my/newspapers")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_newspaper_row"), 3)
        self.assertIn("Morning Post", page.text)
        self.assertIn("3-2-1502", page.text)
        self.assertNotIn("3-5-301", page.text)

    def test_other_resident_cannot_see_them(self):
        self._login(self.neighbour)
        page = self.url_open("/my/newspapers")
        self.assertEqual(page.text.count("o_newspaper_row"), 1)
        self.assertIn("3-5-301", page.text)
        self.assertNotIn("3-2-1502", page.text)
        Subscription = self.env["property.newspaper.subscription"].with_user(self.neighbour)
        self.assertEqual(Subscription.search([]), self.sub_neighbour)
        self.assertFalse(Subscription.browse(self.sub_youth.id).has_access("read"))
        report = self.url_open(
            "/report/html/property_butler_newspaper."
            f"property_newspaper_subscription_report_list/{self.sub_youth.id}"
        )
        self.assertNotIn("王芳", report.text)

    def test_portal_query_counts(self):
        """The queries of /my/newspapers do not grow with the resident's subscriptions: the
        page's values for 3 subscriptions and for 33 (on 32 units), and the whole page."""
        env = self.env(user=self.resident)
        controller = PropertyNewspaperPortal()
        self._login(self.resident)
        self.url_open("/my/newspapers")  # warm the caches (routing, views, rules)
        counts, page_counts = [], []
        for extra in (0, 30):
            if extra:
                units = self._extra_units(extra)
                self.Subscription.create(
                    [self._sub(unit, self.owner, self.youth, 1) for unit in units]
                    + [self._sub(unit, self.other_owner, self.morning, 1) for unit in units]
                )
            self.env.flush_all()
            env.invalidate_all()
            start = self.env.cr.sql_log_count
            values = controller._prepare_newspaper_list_values(env)
            counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(len(values["subscriptions"]), 3 + extra)
            start = self.env.cr.sql_log_count
            page = self.url_open("/my/newspapers")
            page_counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(page.text.count("o_newspaper_row"), 3 + extra)
        _logger.info(
            "/my/newspapers queries: values %s, page %s (3 subscriptions); values %s, page %s (33)",
            counts[0],
            page_counts[0],
            counts[1],
            page_counts[1],
        )
        self.assertLessEqual(counts[1], counts[0], counts)
        self.assertLessEqual(page_counts[1], page_counts[0] + 1, page_counts)

    def test_tour_front_desk_records_todays_delivery(self):
        # The estate's today (Shanghai's, not the server's after 16:00 UTC): the delivery's day.
        today = local_today(self.front_desk)
        self.Subscription.search([]).write(
            {"date_start": today - timedelta(days=30), "date_end": today + timedelta(days=30)}
        )
        self.start_tour(
            "/odoo/action-property_butler_newspaper.property_newspaper_delivery_action",
            "property_newspaper_delivery",
            login=self.front_desk.login,
        )
        delivery = self.Delivery.search([("project_id", "=", self.project.id)])
        self.assertEqual(delivery.date, today)
        self.assertEqual(delivery.state, "sorted")
        youth = delivery.line_ids.filtered(lambda line: line.title_id == self.youth)
        self.assertEqual((youth.expected_qty, youth.received_qty), (3, 2))
        self.assertEqual(youth.status, "shortfall")
        self.assertTrue(delivery.sorted_at)
