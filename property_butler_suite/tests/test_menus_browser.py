"""Every menu of the product, in the browser, as each role that sees it (demo database)."""

import logging
import time
from contextlib import contextmanager

from odoo.tests import HttpCase, tagged

_logger = logging.getLogger(__name__)

ROLES = ("manager", "supervisor", "butler1", "frontdesk", "guard", "staff")


class ServerLogErrors(logging.Handler):
    """Keeps the ERROR and CRITICAL records, and every record carrying a traceback, that reach
    the root logger: the server of HttpCase runs in threads of this process, so what its
    requests log comes here. The test harness's own records are left out: ``odoo.tests`` and
    the test case's logger, under which the browser's console is logged (its errors fail the
    tour by themselves)."""

    def __init__(self, *harness):
        super().__init__()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.harness = ("odoo.tests", *harness)
        self.messages = []

    def emit(self, record):
        if any(record.name == name or record.name.startswith(name + ".") for name in self.harness):
            return
        if record.levelno >= logging.ERROR or record.exc_info:
            # Formatted at once: the message and its traceback as they were when logged.
            self.messages.append(self.format(record))


@tagged("post_install", "-at_install")
class TestMenusBrowser(HttpCase):
    @contextmanager
    def _server_log_errors(self):
        handler = ServerLogErrors(self._logger.name)
        root = logging.getLogger()
        root.addHandler(handler)
        try:
            yield handler.messages
        finally:
            root.removeHandler(handler)

    def test_every_menu_and_new_form_as_each_role(self):
        """The tour lists the menus the user's web client was given (under the Property app),
        opens each, clicks New where offered and opens the dropdown of every required
        many2one: a client error, an empty dropdown, or an error or traceback in the server's
        log during the role's tour fails the test."""
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
            with self.subTest(login=login), self._server_log_errors() as server_errors:
                self.start_tour("/odoo", "property_all_menus", login=login, timeout=600)
            # Checked apart, so that the server's errors are listed when the tour failed too.
            with self.subTest(login=login, log="server"):
                if server_errors:
                    self.fail(
                        f"{len(server_errors)} errors in the server's log during the tour of "
                        f"{login}:\n" + "\n".join(server_errors)
                    )
            _logger.info(
                "property_all_menus %s: %s menus in %.0fs",
                login,
                len(visible),
                time.monotonic() - start,
            )
