import shutil

from odoo.tests import HttpCase, tagged

from .common_parcel import ParcelCase


@tagged("post_install", "-at_install")
class TestParcelTours(HttpCase, ParcelCase):
    """The front desk logs a registered letter for 3-2-1502, her son collects it and signs."""

    def test_front_desk_logs_and_hands_out_a_letter(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.start_tour(
            "/odoo/action-property_butler_parcel.property_parcel_action",
            "property_parcel_pickup",
            login=self.front_desk.login,
        )
        parcel = self.Parcel.search([("tracking_number", "=", "XA778812345CN")])
        self.assertEqual(parcel.unit_id, self.unit)
        self.assertEqual(parcel.partner_id, self.owner)
        self.assertEqual(parcel.clerk_id, self.front_desk)
        self.assertTrue(parcel.date_notified)
        self.assertEqual(parcel.state, "collected")
        self.assertTrue(parcel.signature)
        self.assertEqual(
            (parcel.collector_kind, parcel.collector_name, parcel.collector_relation),
            ("family", "Wang Xiaoming", "son"),
        )
        self.assertEqual(parcel.handed_out_by_id, self.front_desk)
