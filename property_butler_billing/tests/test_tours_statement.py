from odoo.tests import HttpCase, tagged

from .test_statement import StatementCase


@tagged("post_install", "-at_install")
class TestStatementTour(HttpCase, StatementCase):
    """A resident opens /my/statements and downloads a month's statement in the browser."""

    def test_resident_downloads_a_statement(self):
        self.start_tour("/my", "property_statement_tour", login="pb_resident")
        # The same download, read back: the November statement of his own units.
        self.authenticate("pb_resident", "pb_resident")
        response = self.url_open("/my/statements/2026-11/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("2026-11", response.headers["Content-Disposition"])
        closing = self._values(self.owner)[self.owner.id]["closing"]
        if response.content.startswith(b"%PDF"):
            return
        # Under tests Odoo returns the report's HTML instead of rendering the PDF.
        self.assertIn("3-2-1502", response.text)
        self.assertIn("B1-P07", response.text)
        self.assertNotIn("3-5-301", response.text)
        self.assertIn(f"{closing:,.2f}", response.text.split("o_statement_summary")[1])
