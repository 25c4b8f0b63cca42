import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase


@tagged("post_install", "-at_install")
class TestCustodyTours(HttpCase, BillingCase):
    """A butler, in Chinese, turns an accepted recommendation of home custody into a contract
    and activates it."""

    def test_butler_draws_up_a_custody_contract(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self._two_grids_billed()
        custody = self.env.ref("property_butler_recommendation.property_service_offer_home_custody")
        recommendation = self.env["property.service.recommendation"].create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "user_id": self.butler.id,
                "offer_id": custody.id,
            }
        )
        recommendation.action_accept()
        self.env["res.lang"]._activate_lang("zh_CN")
        self.butler.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-property_butler_recommendation.property_service_recommendation_action_my/"
            f"{recommendation.id}",
            "property_custody_contract",
            login=self.butler.login,
        )
        contract = recommendation.custody_contract_ids
        self.assertEqual(len(contract), 1)
        self.assertEqual(contract.state, "active")
        self.assertEqual(contract.partner_id, self.owner)
        self.assertEqual(contract.user_id, self.butler)
        self.assertEqual(contract.monthly_fee, custody.product_id.list_price)
        self.assertEqual(len(contract.inspection_ids), 1)
        self.assertEqual(contract.inspection_ids.line_ids.item_id, contract.scope_item_ids)
