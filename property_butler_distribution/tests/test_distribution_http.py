import logging

from odoo import Command
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import MOVED_IN, PropertyHttpCase

from ..controllers.property_document_portal import PropertyDocumentPortal
from .test_distribution import DistributionCase

_logger = logging.getLogger(__name__)

MENUS = (
    "property_butler_distribution.property_document_issue_menu",
    "property_butler_distribution.property_document_line_menu",
)


@tagged("post_install", "-at_install")
class TestDistributionPortal(PropertyHttpCase, DistributionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._residents()
        cls.issue = cls._issue(name="2026 特约服务收费标准")
        cls.issue.action_generate_lines()
        cls.line = cls.issue.line_ids.filtered(lambda line: line.unit_id == cls.unit)
        cls.other_line = cls.issue.line_ids.filtered(lambda line: line.unit_id == cls.unit_b)

    def test_portal_pages(self):
        self._login(self.resident)
        home = self.url_open("/my")
        self.assertIn("My Documents", home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_document_count"]}
        )
        self.assertEqual(counters["property_document_count"], 1)
        page = self.url_open("/my/documents")
        self.assertEqual(page.status_code, 200)
        self.assertIn("2026 特约服务收费标准", page.text)
        self.assertIn(f"/my/documents/{self.line.id}/download", page.text)
        detail = self.url_open(f"/my/documents/{self.line.id}")
        self.assertIn("3-2-1502", detail.text)
        download = self.url_open(f"/my/documents/{self.line.id}/download")
        self.assertEqual(download.content, b"price list")
        self.assertIn("price_list.txt", download.headers["Content-Disposition"])

    def test_sent_copy_received_when_opened(self):
        self.resident.partner_id.write({"property_paperless": True, "email": "r@example.com"})
        self.line.write({"channel": "electronic"})
        self.line.action_send()
        self.assertEqual(self.line.state, "sent")
        self._login(self.neighbour)
        self.url_open(f"/my/documents/{self.line.id}", allow_redirects=False)
        self.line.invalidate_recordset()
        self.assertEqual(self.line.state, "sent", "another resident's visit is not a receipt")
        self._login(self.resident)
        page = self.url_open(f"/my/documents/{self.line.id}")
        self.assertEqual(page.status_code, 200)
        self.line.invalidate_recordset()
        self.assertEqual(self.line.state, "received")
        self.assertTrue(self.line.date_received)

    def test_portal_card_without_documents(self):
        self._login(self.neighbour)
        self.other_line.unlink()
        home = self.url_open("/my")
        self.assertIn("My Documents", home.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_document_count"]}
        )
        self.assertEqual(counters["property_document_count"], 0)

    def test_portal_other_resident_refused(self):
        self._login(self.neighbour)
        page = self.url_open("/my/documents")
        self.assertNotIn(f"/my/documents/{self.line.id}", page.text)
        for url in (f"/my/documents/{self.line.id}", f"/my/documents/{self.line.id}/download"):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertNotEqual(response.content, b"price list")
        report = self.url_open(
            f"/report/html/property_butler_distribution.property_document_register/{self.issue.id}"
        )
        self.assertNotIn("3-2-1502", report.text)

    def test_download_refuses_report_of_another_model(self):
        """Even a report set around the form's domain and the constraint (in SQL) never prints
        another model's records for a resident."""
        report = self.env["ir.actions.report"].search(
            [("model", "not in", ("res.partner", "property.unit", "property.document.line"))],
            limit=1,
        )
        self.issue.write({"file": False})
        self.env.cr.execute(
            "UPDATE property_document_issue SET report_id = %s WHERE id = %s",
            (report.id, self.issue.id),
        )
        self.issue.invalidate_recordset()
        self._login(self.resident)
        response = self.url_open(f"/my/documents/{self.line.id}/download", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")

    def test_portal_query_counts(self):
        env = self.env(user=self.resident)
        controller = PropertyDocumentPortal()
        counts, page_counts = [], []
        self._login(self.resident)
        for extra in (0, 30):
            if extra:
                units = self._extra_units(extra)
                self.env["property.occupancy"].create(
                    [
                        {
                            "unit_id": unit.id,
                            "partner_id": self.owner.id,
                            "role": "owner",
                            "date_start": MOVED_IN,
                            "is_billing_contact": True,
                        }
                        for unit in units
                    ]
                )
                issue = self._issue(name="Outage", scope="units", unit_ids=self._set(units))
                issue.action_generate_lines()
            env.invalidate_all()
            start = self.env.cr.sql_log_count
            values = controller._prepare_document_list_values(env)
            counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(len(values["document_lines"]), min(20, 1 + extra))
            self.url_open("/my/documents")  # warm-up
            start = self.env.cr.sql_log_count
            self.assertEqual(self.url_open("/my/documents").status_code, 200)
            page_counts.append(self.env.cr.sql_log_count - start)
        _logger.info(
            "/my/documents: queries for 1 and 31 copies: list values %s, whole page %s",
            counts,
            page_counts,
        )
        self.assertLessEqual(page_counts[1], page_counts[0] + 3, page_counts)
        # The same queries for 1 copy as for a page of 20 of 31 copies.
        self.assertLessEqual(counts[1], counts[0] + 1, counts)

    def test_menus_open_for_each_role(self):
        for user in (self.manager, self.supervisor, self.butler, self.front_desk):
            for xmlid in MENUS:
                menu = self.env.ref(xmlid)
                self.assertIn(
                    menu, self.env["ir.ui.menu"].with_user(user).search([]), (user.login, xmlid)
                )
                action = menu.action.sudo()
                Model = self.env[action.res_model].with_user(user)
                views = Model.get_views([(False, "list"), (False, "form"), (False, "search")])
                list_fields = views["models"][action.res_model]["fields"]
                Model.web_search_read(
                    domain=[], specification={name: {} for name in list_fields}, limit=10
                )
                Model.onchange({}, [], {name: {} for name in list_fields})
            projects = self.env["property.project"].with_user(user).name_search("", limit=5)
            self.assertTrue(projects, user.login)
        guard_menus = self.env["ir.ui.menu"].with_user(self.guard).search([])
        self.assertNotIn(self.env.ref(MENUS[0]), guard_menus)

    def test_tour_butler_issues_a_document(self):
        project = self.env["property.project"].create({"name": "Tour Garden", "code": "TGD"})
        building = self.env["property.building"].create(
            {"name": "Tour Block", "code": "9", "project_id": project.id, "floor_count": 2}
        )
        unit = self.env["property.unit"].create(
            {"building_id": building.id, "floor": 1, "number": "101", "area": 60}
        )
        self._billing_contact(unit, self.env["res.partner"].create({"name": "赵磊"}))
        self.butler.write({"groups_id": [Command.link(self.env.ref("base.group_user").id)]})
        self.start_tour("/odoo", "property_document_issue", login=self.butler.login)
        issue = self.Issue.search([("name", "=", "Tour price list")])
        self.assertEqual(issue.state, "distributing")
        self.assertEqual(issue.document_type, "price_list")
        self.assertTrue(issue.security_briefed)
        self.assertEqual(issue.line_ids.unit_id, unit)
        self.assertEqual(issue.line_ids.state, "received")
