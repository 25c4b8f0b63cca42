from datetime import date

from odoo.tests import tagged

from .common import PropertyButlerCase, PropertyHttpCase


@tagged("post_install", "-at_install")
class TestPortalUnits(PropertyHttpCase, PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.butler.partner_id.phone = "13900001111"
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1))
        cls._occupy(cls.unit_b, cls.other_owner, date_start=date(2024, 1, 1))
        cls._residents()

    def test_resident_sees_own_units_and_butler(self):
        self._login(self.resident)
        response = self.url_open("/my/units")
        self.assertEqual(response.status_code, 200)
        self.assertIn("3-2-1502", response.text)
        self.assertNotIn("3-5-301", response.text, "a neighbour's unit is not listed")
        self.assertIn(self.butler.name, response.text)
        self.assertIn("13900001111", response.text)
        detail = self.url_open(f"/my/units/{self.unit.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn("3-2-1502", detail.text)
        self.assertIn("020-1234", detail.text, "the service-centre phone")
        home = self.url_open("/my/home")
        self.assertIn("/my/units", home.text)

    def test_other_units_are_out_of_reach(self):
        self._login(self.resident)
        for unit_id in (self.unit_b.id, self.unit2.id, 999999):
            response = self.url_open(f"/my/units/{unit_id}", allow_redirects=False)
            self.assertEqual(response.status_code, 303, unit_id)
            self.assertTrue(response.headers["Location"].endswith("/my"), unit_id)
        self._login(self.neighbour)
        response = self.url_open(f"/my/units/{self.unit.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        listing = self.url_open("/my/units")
        self.assertIn("3-5-301", listing.text)
        self.assertNotIn("3-2-1502", listing.text)

    def test_anonymous_visitor_is_sent_to_login(self):
        for url in ("/my/units", f"/my/units/{self.unit.id}"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"], url)
