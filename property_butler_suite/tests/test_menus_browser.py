"""Every menu of the product, in the browser, as each role that sees it (demo database)."""

import logging
import time

from odoo.tests import HttpCase, tagged

_logger = logging.getLogger(__name__)

ROLES = ("manager", "supervisor", "butler1", "frontdesk", "guard", "staff")


@tagged("post_install", "-at_install")
class TestMenusBrowser(HttpCase):
    def test_every_menu_and_new_form_as_each_role(self):
        """The tour lists the menus the user's web client was given (under the Property app),
        opens each, clicks New where offered and opens the dropdown of every required
        many2one: a client error, a server error or an empty dropdown fails the test."""
        Users = self.env["res.users"]
        root = self.env.ref("property_butler.property_butler_menu_root")
        for login in ROLES:
            user = Users.search([("login", "=", login)])
            self.assertTrue(user, f"demo user {login}")
            user.lang = "en_US"
            visible = (
                self.env["ir.ui.menu"]
                .with_user(user)
                .search([("id", "child_of", root.id), ("action", "!=", False)])
            )
            self.assertTrue(visible, f"{login} sees menus of the product")
            start = time.monotonic()
            with self.subTest(login=login):
                self.start_tour("/odoo", "property_all_menus", login=login, timeout=600)
            _logger.info(
                "property_all_menus %s: %s menus in %.0fs",
                login,
                len(visible),
                time.monotonic() - start,
            )
