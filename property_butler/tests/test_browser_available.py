from odoo.tests import BaseCase, common, tagged


@tagged("post_install", "-at_install")
class TestBrowserAvailable(BaseCase):
    """The browser tours of the suite run: Odoo skips them (it does not fail) when Chromium or
    the websocket client it drives Chromium with is missing, which would hide every tour."""

    def test_chromium_is_installed(self):
        try:
            executable = common._find_executable()
        except Exception as error:  # Odoo raises a bare Exception when it finds none
            self.fail(f"Chromium is required to run the browser tours: {error}")
        self.assertTrue(executable)

    def test_websocket_client_is_installed(self):
        self.assertIsNotNone(
            common.websocket,
            "websocket-client (requirements-test.txt) is required to run the browser tours",
        )
