import logging
from datetime import date

from odoo import http
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase, PropertyHttpCase

from ..controllers.property_notice_portal import PropertyNoticePortal

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestNoticePortal(PropertyHttpCase, PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households()
        cls._residents()
        cls.notice = cls.env["property.notice"].create(
            {
                "name": "停水通知 building 2",
                "project_id": cls.project.id,
                "building_ids": cls._set(cls.building),
                "body": "<p>明天停水</p>",
                "priority": "important",
                "date_post": date.today(),
            }
        )
        cls.notice.action_post()

    def test_portal_pages(self):
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("My Notices", home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_notice_count"]}
        )
        self.assertEqual(counters["property_notice_count"], 1)
        page = self.url_open("/my/notices")
        self.assertEqual(page.status_code, 200)
        self.assertIn("停水通知 building 2", page.text)
        detail = self.url_open(f"/my/notices/{self.notice.id}")
        self.assertIn("明天停水", detail.text)
        self.assertIn("I have read it", detail.text)
        self.url_open(
            f"/my/notices/{self.notice.id}/read", data={"csrf_token": http.Request.csrf_token(self)}
        )
        self.assertEqual(self.notice.read_ids.partner_id, self.owner)
        detail = self.url_open(f"/my/notices/{self.notice.id}")
        self.assertIn("You have confirmed reading this notice.", detail.text)

    def test_portal_other_resident_refused(self):
        self._login(self.neighbour)
        page = self.url_open("/my/notices")
        self.assertNotIn("停水通知 building 2", page.text)
        detail = self.url_open(f"/my/notices/{self.notice.id}", allow_redirects=False)
        self.assertEqual(detail.status_code, 303)
        self.url_open(
            f"/my/notices/{self.notice.id}/read", data={"csrf_token": http.Request.csrf_token(self)}
        )
        self.assertFalse(self.notice.read_ids)
        report = self.url_open(
            f"/report/html/property_butler_notice.property_notice_report/{self.notice.id}"
        )
        self.assertNotIn("明天停水", report.text)

    def test_portal_query_counts(self):
        env = self.env(user=self.resident)
        controller = PropertyNoticePortal()
        counts = []
        pages = {"/my": [], "/my/notices": [], "detail": []}
        self._login(self.resident)
        for extra in (0, 30):
            if extra:
                units = self._extra_units(extra)
                self.env["property.notice"].create(
                    [
                        {
                            "name": f"Notice {i}",
                            "project_id": self.project.id,
                            "building_ids": self._set(self.building),
                            "date_post": date.today(),
                        }
                        for i in range(extra)
                    ]
                ).action_post()
                self.assertTrue(units)
            env.invalidate_all()
            start = self.env.cr.sql_log_count
            values = controller._prepare_notice_list_values(env)
            counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(len(values["notices"]), min(20, 1 + extra))
            # The whole pages, after a warm-up request each: the home with its counter, the
            # list and a notice.
            for key, url in (
                ("/my", "/my"),
                ("/my/notices", "/my/notices"),
                ("detail", f"/my/notices/{self.notice.id}"),
            ):
                self.url_open(url)
                start = self.env.cr.sql_log_count
                self.assertEqual(self.url_open(url).status_code, 200, url)
                if key == "/my":
                    self.make_jsonrpc_request(
                        "/my/counters", {"counters": ["property_notice_count"]}
                    )
                pages[key].append(self.env.cr.sql_log_count - start)
        _logger.info("notice portal queries for 1 and 31 notices: list %s, pages %s", counts, pages)
        # The same queries for 1 notice on 3 units as for 31 notices on 33 units.
        self.assertLessEqual(counts[1], counts[0] + 1, counts)
        for key, page_counts in pages.items():
            self.assertLessEqual(page_counts[1], page_counts[0] + 3, (key, page_counts))

    def test_tour_front_desk_posts_outage(self):
        project = self.env["property.project"].create({"name": "Tour Garden", "code": "TGD"})
        building = self.env["property.building"].create(
            {"name": "Tour Block", "code": "9", "project_id": project.id, "floor_count": 2}
        )
        self.env["property.unit"].create(
            {"building_id": building.id, "floor": 1, "number": "101", "area": 60}
        )
        self.start_tour("/odoo", "property_notice_outage", login=self.front_desk.login)
        notice = self.env["property.notice"].search([("name", "=", "Tour water outage")])
        self.assertEqual(notice.state, "posted")
        self.assertTrue(notice.is_outage)
        self.assertEqual(notice.utility, "water")
        self.assertEqual(notice.affected_building_ids, building)
