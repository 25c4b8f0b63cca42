from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestConsignmentTour(HttpCase, PropertyButlerCase):
    def test_front_desk_sells_at_the_desk(self):
        """In Chinese, as the front desk works."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.front_desk.lang = "zh_CN"
        item = self.env["property.consignment.item"].create(
            {
                "name": "电影票 2D",
                "project_id": self.project.id,
                "price": 35.0,
                "min_stock": 1,
                "move_ids": [(0, 0, {"quantity": 10})],
            }
        )
        self.start_tour(
            "/odoo/action-property_butler_consignment.property_consignment_sale_action",
            "property_consignment_sale",
            login=self.front_desk.login,
        )
        sale = self.env["property.consignment.sale"].search([("item_id", "=", item.id)])
        self.assertEqual((sale.quantity, sale.price, sale.amount), (2, 35.0, 70.0))
        self.assertEqual(sale.user_id, self.front_desk)
        self.assertEqual(item.stock_qty, 8)
