import re
from datetime import datetime

from odoo.tests import HttpCase, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME

from odoo.addons.property_butler.tests.common import password_of

from .common_ticket import TicketPortalCase


@tagged("post_install", "-at_install")
class TestPortalLanguage(HttpCase, TicketPortalCase):
    """Once logged in, the portal speaks the resident's own language, whoever used the phone's
    browser before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        for code in ("zh_CN", "zh_TW"):
            Lang._activate_lang(code)
        # Whatever the state of i18n/*.po, the list's breadcrumb has a translation in each
        # language.
        cls.env.ref("property_butler_ticket.portal_breadcrumbs_ticket").update_field_translations(
            "arch_db", {"zh_CN": {"My Tickets": "我的工单"}, "zh_TW": {"My Tickets": "我的工單"}}
        )
        cls.owner.lang = "zh_CN"
        cls.other_owner.lang = "zh_TW"
        cls.member.lang = "en_US"
        cls.t_own.date_received = datetime(2025, 3, 5, 2, 30)
        for user in (cls.resident, cls.neighbour, cls.household):
            user.tz = "Asia/Shanghai"

    def _log_in(self, user, browser_lang=None):
        """Log in through the login form on a browser whose language cookie says
        ``browser_lang`` (the language the previous visitor of a shared phone had, or
        chose), keeping the cookies the server sets as a browser does."""
        self.authenticate(None, None)
        if browser_lang:
            self.opener.cookies.set("frontend_lang", browser_lang)
        page = self.url_open("/web/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/web/login",
            data={"login": user.login, "password": password_of(user), "csrf_token": csrf},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, "logged in")
        # The test opener keeps its own session cookie before the server's: replace them.
        cookies = {"frontend_lang": browser_lang, **response.cookies.get_dict()}
        test_cursor = self.opener.cookies.get(TEST_CURSOR_COOKIE_NAME)
        self.opener.cookies.clear()
        self.opener.cookies.set(TEST_CURSOR_COOKIE_NAME, test_cursor)
        for name, value in cookies.items():
            if value:
                self.opener.cookies.set(name, value)

    def _tickets_page(self):
        response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(
            "oe_login_form",
            response.text,
            [response.url, [(r.status_code, r.headers.get("Location")) for r in response.history]],
        )
        return response

    def test_portal_follows_the_residents_language(self):
        self._log_in(self.resident)
        page = self._tickets_page()
        self.assertIn('"lang": "zh_CN"', page.text)
        self.assertIn("我的工单", page.text)
        self.assertNotIn("我的工單", page.text)
        ticket = self.url_open(f"/my/tickets/{self.t_own.id}")
        self.assertIn("2025年03月05日 10:30", ticket.text, "dates in the resident's language")

        # Then a Traditional Chinese neighbour, then an English-speaking member, on a browser
        # that the previous resident left in his language.
        self._log_in(self.neighbour, browser_lang="zh_CN")
        page = self._tickets_page()
        self.assertIn('"lang": "zh_TW"', page.text)
        self.assertIn("我的工單", page.text)

        self._log_in(self.household, browser_lang="zh_TW")
        page = self._tickets_page()
        self.assertIn('"lang": "en_US"', page.text)
        self.assertIn("My Tickets", page.text)
        self.assertNotIn("我的工", page.text)
        ticket = self.url_open(f"/my/tickets/{self.t_own.id}")
        self.assertIn("03/05/2025 10:30", ticket.text)
