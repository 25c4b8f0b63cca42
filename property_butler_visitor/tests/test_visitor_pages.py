import logging
from datetime import timedelta
from urllib.parse import quote

from odoo import fields, http
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_butler.tests.common import PropertyHttpCase, local_today

from .common_visitor import VisitorCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestVisitorPages(PropertyHttpCase, VisitorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Pages run at the real time: a pass valid now.
        now = fields.Datetime.now()
        cls.visit_pass.write(
            {"date_start": now - timedelta(hours=1), "date_end": now + timedelta(hours=3)}
        )
        cls.neighbour_pass.write(
            {"date_start": now - timedelta(hours=1), "date_end": now + timedelta(hours=3)}
        )

    def _csrf(self):
        return http.Request.csrf_token(self)

    def test_resident_registers_a_visitor_and_gets_a_pass(self):
        self._login(self.resident)
        response = self.url_open("/my")
        self.assertIn("/my/visitors", response.text)
        self.assertIn("/my/goods", response.text)
        response = self.url_open("/my/visitors")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Liu Yang", response.text)
        self.assertNotIn("Chen Jing", response.text)
        today = local_today(self.resident).isoformat()
        response = self.url_open(
            "/my/visitors/new",
            data={
                "csrf_token": self._csrf(),
                "name": "Yang Fan",
                "unit_id": self.unit.id,
                "kind": "once",
                "date": today,
                "time_start": "00:00",
                "time_end": "23:59",
                "vehicle_plate": "粤B·6Q208",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        visit_pass = self.Pass.search([("name", "=", "Yang Fan")])
        self.assertEqual(visit_pass.host_partner_id, self.owner)
        self.assertEqual(visit_pass.unit_id, self.unit)
        response = self.url_open(f"/my/visitors/{visit_pass.id}")
        self.assertIn(visit_pass.short_code, response.text)
        self.assertIn("data:image/svg+xml;base64,", response.text)
        # Another resident's unit is refused, nothing is written.
        response = self.url_open(
            "/my/visitors/new",
            data={
                "csrf_token": self._csrf(),
                "name": "Intruder",
                "unit_id": self.unit_b.id,
                "date": today,
            },
        )
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.Pass.search([("name", "=", "Intruder")]))
        # Another resident's pass is not shown.
        response = self.url_open(f"/my/visitors/{self.neighbour_pass.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(self.neighbour_pass.short_code, response.text)
        # Revoke.
        self.url_open(f"/my/visitors/{visit_pass.id}/revoke", data={"csrf_token": self._csrf()})
        self.assertTrue(visit_pass.revoked)

    def test_resident_changes_and_shares_a_pass(self):
        self._login(self.resident)
        visit_pass = self.Pass.search(
            [("host_partner_id", "=", self.owner.id), ("state", "in", ("upcoming", "valid"))],
            limit=1,
        )
        self.assertTrue(visit_pass)
        code, token = visit_pass.short_code, visit_pass.token
        page = self.url_open(f"/my/visitors/{visit_pass.id}")
        self.assertIn("sms:", page.text)
        self.assertIn("mailto:", page.text)
        self.assertIn(code, page.text)
        self.assertIn(f"/my/visitors/{visit_pass.id}/edit", page.text)
        form = self.url_open(f"/my/visitors/{visit_pass.id}/edit")
        self.assertEqual(form.status_code, 200)
        self.assertIn(visit_pass.name, form.text)
        day = (local_today(self.resident) + timedelta(days=2)).isoformat()
        data = {
            "csrf_token": self._csrf(),
            "name": "Liu Yang and daughter",
            "kind": "once",
            "date": day,
            "time_start": "09:30",
            "time_end": "18:00",
            "vehicle_plate": "粤A·12345",
            "visitor_phone": "13700000001",
        }
        # Ends before it starts: a clear message, nothing changed.
        response = self.url_open(
            f"/my/visitors/{visit_pass.id}/edit", data={**data, "time_end": "08:00"}
        )
        self.assertEqual(response.status_code, 422)
        self.assertIn("must end after it starts", response.text)
        self.assertNotEqual(visit_pass.name, "Liu Yang and daughter")
        response = self.url_open(
            f"/my/visitors/{visit_pass.id}/edit", data=data, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        visit_pass.invalidate_recordset()
        self.assertEqual(visit_pass.name, "Liu Yang and daughter")
        self.assertEqual(visit_pass.vehicle_plate, "粤A·12345")
        self.assertEqual(visit_pass.state, "upcoming")
        self.assertEqual((visit_pass.short_code, visit_pass.token), (code, token))
        page = self.url_open(f"/my/visitors/{visit_pass.id}")
        self.assertIn("sms:13700000001", page.text)
        self.assertIn("09:30", page.text)
        # The message to the visitor reads the date as the resident's language writes it.
        page = self.url_open(f"/zh_CN/my/visitors/{visit_pass.id}")
        chinese_date = fields.Date.from_string(day).strftime("%Y年%m月%d日")
        self.assertIn(quote(f"{chinese_date} 09:30"), page.text)
        # Not another resident's pass, not a revoked one.
        response = self.url_open(
            f"/my/visitors/{self.neighbour_pass.id}/edit",
            data={**data, "name": "Hijack"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertNotEqual(self.neighbour_pass.name, "Hijack")
        # Moved out: the pass is no longer changed.
        occupancies = self.env["property.occupancy"].search(
            [("partner_id", "=", self.owner.id), ("unit_id", "=", visit_pass.unit_id.id)]
        )
        # Two days ago: before the day of the page, whatever the time zone.
        moved_out = local_today(self.resident) - timedelta(days=2)
        date_ends = [(occupancy, occupancy.date_end) for occupancy in occupancies]
        occupancies.write({"date_end": moved_out})
        response = self.url_open(
            f"/my/visitors/{visit_pass.id}/edit",
            data={**data, "name": "After moving out"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        visit_pass.invalidate_recordset()
        self.assertNotEqual(visit_pass.name, "After moving out")
        for occupancy, date_end in date_ends:
            occupancy.date_end = date_end
        visit_pass.action_revoke()
        response = self.url_open(
            f"/my/visitors/{visit_pass.id}/edit",
            data={**data, "name": "Too late"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        visit_pass.invalidate_recordset()
        self.assertNotEqual(visit_pass.name, "Too late")

    def test_resident_requests_a_goods_release(self):
        self._login(self.resident)
        today = local_today(self.resident).isoformat()
        response = self.url_open(
            "/my/goods",
            data={
                "csrf_token": self._csrf(),
                "unit_id": self.unit.id,
                "date": today,
                "items": "Old sofa",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        note = self.env["property.goods.release"].search([("items", "=", "Old sofa")])
        self.assertEqual((note.partner_id, note.state), (self.owner, "requested"))
        self.assertIn("Old sofa", self.url_open("/my/goods").text)
        self._login(self.neighbour)
        self.assertNotIn("Old sofa", self.url_open("/my/goods").text)

    def _queries(self, url):
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def test_portal_query_counts(self):
        """The portal pages' queries do not grow with the number of passes and notes."""
        self._login(self.resident)
        pages = ["/my", "/my/visitors", f"/my/visitors/{self.visit_pass.id}", "/my/goods"]
        small = {url: self._queries(url) for url in pages}
        self.Pass.create(
            [dict(self.visit_pass.copy_data()[0], name=f"Guest {i}") for i in range(40)]
        )
        self.env["property.goods.release"].create(
            [
                {
                    "project_id": self.project.id,
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "items": f"Box {i}",
                }
                for i in range(40)
            ]
        )
        large = {url: self._queries(url) for url in pages}
        _logger.info("portal query counts (2 then 42 passes, 0 then 40 notes): %s %s", small, large)
        for url in pages:
            self.assertLessEqual(large[url], small[url] + 3, url)

    def test_gate_page_for_the_projects_staff_only(self):
        token = self.visit_pass.sudo().token
        self._login(self.guard)
        response = self.url_open("/property/visitor")
        self.assertIn('name="code"', response.text)
        response = self.url_open(f"/property/visitor?code={self.visit_pass.short_code}")
        self.assertIn("Liu Yang", response.text)
        response = self.url_open(f"/property/visitor/pass/{token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Valid now.", response.text)
        self.assertIn("粤A·3K721", response.text)
        self.assertNotIn(token, response.text.replace(f"/property/visitor/pass/{token}/", ""))
        response = self.url_open(
            f"/property/visitor/pass/{token}/entry", data={"csrf_token": self._csrf()}
        )
        self.assertIn("Entry recorded.", response.text)
        self.assertTrue(self.visit_pass.inside)
        response = self.url_open(
            f"/property/visitor/pass/{token}/exit", data={"csrf_token": self._csrf()}
        )
        self.assertIn("Exit recorded.", response.text)
        self.assertFalse(self.visit_pass.inside)
        # A guard of another company, a resident and department staff are refused.
        self._login(self.other_guard)
        response = self.url_open(f"/property/visitor/pass/{token}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Liu Yang", response.text)
        for user in (self.resident, self.staff):
            self._login(user)
            response = self.url_open(f"/property/visitor/pass/{token}")
            self.assertEqual(response.status_code, 403)
            self.assertNotIn("Liu Yang", response.text)
        # The public is sent to the login page.
        self.authenticate(None, None)
        response = self.url_open(f"/property/visitor/pass/{token}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

    def test_menus_open_for_every_role(self):
        """Each menu's list and New form load for each role that sees it (no server error)."""
        actions = [
            "property_butler_visitor.property_visitor_pass_action",
            "property_butler_visitor.property_visitor_log_action",
            "property_butler_visitor.property_visitor_log_action_all",
            "property_butler_visitor.property_goods_release_action",
        ]
        for user in (self.front_desk, self.guard, self.butler, self.supervisor, self.manager):
            for xmlid in actions:
                action = self.env.ref(xmlid)
                Model = self.env[action.res_model].with_user(user)
                Model.get_views([(False, "list"), (False, "form"), (False, "search")])
                Model.search_read(safe_eval(action.domain or "[]"), ["display_name"], limit=5)
                if action.res_model != "property.visitor.log":
                    Form(Model.with_context(default_walk_in=True))  # the New form computes
        # Many2one dropdowns offer choices before the company is known.
        projects = self.env["property.project"].with_user(self.front_desk).name_search("")
        self.assertTrue(projects)
        units = self.env["property.unit"].with_user(self.front_desk).name_search("")
        self.assertTrue(units)
