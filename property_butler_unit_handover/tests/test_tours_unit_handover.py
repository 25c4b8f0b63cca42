import shutil
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import HandoverCase


@tagged("post_install", "-at_install")
class TestUnitHandoverTours(HttpCase, HandoverCase):
    """A butler completes a handover in the browser: refused, then signed and handed over."""

    def test_butler_completes_a_handover(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        handover = self._handover(date_handover=date(2026, 12, 1))
        self._ready(handover, signed=False)
        handover.doc_covenant = False
        self.start_tour(
            f"/odoo/action-property_butler_unit_handover.property_unit_handover_action/{handover.id}",
            "property_unit_handover_complete",
            login=self.butler.login,
        )
        self.assertEqual(handover.state, "done")
        self.assertTrue(handover.doc_covenant)
        self.assertTrue(handover.signature)
        self.assertEqual(handover.signed_by, "王芳")
        self.assertEqual(handover.occupancy_id.partner_id, self.owner)
        self.assertEqual(handover.occupancy_id.date_start, date(2026, 12, 1))
