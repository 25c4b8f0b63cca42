import shutil
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestParkingTours(HttpCase, PropertyButlerCase):
    """The front desk rents a parking space to an outsider from the contracts list."""

    def test_front_desk_rents_a_space(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        space = self._parking_space()
        outsider = self.env["res.partner"].create({"name": "赵先生"})
        self.front_desk.lang = "en_US"
        self.start_tour(
            "/odoo/action-property_butler_parking.property_parking_contract_action",
            "property_parking_contract",
            login=self.front_desk.login,
        )
        contract = self.env["property.parking.contract"].search([("space_id", "=", space.id)])
        self.assertEqual(len(contract), 1)
        self.assertEqual(
            (contract.partner_id, contract.plates, contract.state, contract.payment_period),
            (outsider, "粤B·12345", "active", "quarterly"),
        )
        self.assertEqual(
            (contract.date_start, contract.date_end), (date(2027, 1, 1), date(2027, 12, 31))
        )
        self.assertEqual((contract.monthly_rate, contract.deposit), (350.0, 500.0))
