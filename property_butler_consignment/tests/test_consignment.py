from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler.tests.common import PropertyButlerCase

DAY = date(2026, 3, 10)
BEFORE = date(2026, 3, 9)


@tagged("post_install", "-at_install")
class TestConsignment(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cinema = cls.env["res.partner"].create({"name": "万达影城", "is_company": True})
        cls.Item = cls.env["property.consignment.item"]
        cls.Sale = cls.env["property.consignment.sale"]
        cls.Handover = cls.env["property.consignment.handover"]
        cls.ticket, cls.imax = cls.Item.create(
            [
                {
                    "name": "Movie ticket 2D",
                    "project_id": cls.project.id,
                    "consignor_id": cls.cinema.id,
                    "price": 35.0,
                    "min_stock": 5,
                    "responsible_id": cls.front_desk.id,
                    "move_ids": [(0, 0, {"date": BEFORE, "quantity": 20})],
                },
                {
                    "name": "Movie ticket IMAX",
                    "project_id": cls.project.id,
                    "price": 60.0,
                    "move_ids": [(0, 0, {"date": BEFORE, "quantity": 4})],
                },
            ]
        )

    def _sell(self, item, quantity, day=DAY, user=None, **vals):
        return self.Sale.with_user(user or self.front_desk).create(
            {"item_id": item.id, "quantity": quantity, "date": day, **vals}
        )

    def test_sale_lowers_stock_at_the_items_price(self):
        sale = self._sell(self.ticket, 3)
        self.assertEqual(sale.price, 35.0)
        self.assertEqual(sale.amount, 105.0)
        self.assertEqual(sale.user_id, self.front_desk)
        self.assertEqual(sale.project_id, self.project)
        self.assertEqual(self.ticket.stock_qty, 17)

    def test_no_sale_beyond_stock(self):
        with self.assertRefused(UserError, "Not enough Movie ticket IMAX in stock: 1 missing"):
            self._sell(self.imax, 5)
        self.assertEqual(self.imax.stock_qty, 4)
        self.assertFalse(self.Sale.search([("item_id", "=", self.imax.id)]))
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self._sell(self.ticket, 0)
            self.env.flush_all()

    def test_low_stock_reminds_the_front_desk_once(self):
        restock = self.env.ref("property_butler_consignment.mail_activity_type_restock")
        self._sell(self.ticket, 15)
        self.assertFalse(self.ticket.is_low)  # 5 left: at the minimum
        self.assertFalse(self.ticket.activity_ids)
        self._sell(self.ticket, 1)
        self.assertTrue(self.ticket.is_low)
        activity = self.ticket.activity_ids
        self.assertEqual(activity.activity_type_id, restock)
        self.assertEqual(activity.user_id, self.front_desk)
        self.assertIn("Only 4 left", activity.summary)
        self._sell(self.ticket, 1)
        self.assertEqual(self.ticket.activity_ids, activity)  # not a second one
        # The cinema brings more tickets: the reminder is done.
        self.env["property.consignment.move"].with_user(self.front_desk).create(
            {"item_id": self.ticket.id, "quantity": 30, "date": DAY}
        )
        self.assertEqual(self.ticket.stock_qty, 33)
        self.assertFalse(self.ticket.activity_ids)

    def test_handover_reconciles_stock_and_cash(self):
        self._sell(self.ticket, 2, day=BEFORE)
        self._sell(self.ticket, 3)
        self._sell(self.imax, 1)
        self.env["property.consignment.move"].create(
            {"item_id": self.ticket.id, "quantity": 10, "date": DAY}
        )
        handover = self.Handover.with_user(self.front_desk).create(
            {"project_id": self.project.id, "date": DAY}
        )
        line = handover.line_ids.filtered(lambda line: line.item_id == self.ticket)
        # opening + received = sold + closing
        self.assertEqual(
            (line.opening_qty, line.received_qty, line.sold_qty, line.closing_qty),
            (18, 10, 3, 25),
        )
        self.assertEqual(line.stock_difference, 0)
        self.assertEqual(handover.amount_expected, 3 * 35 + 60)
        handover.write({"amount_handed": 165.0, "cashier_id": self.supervisor.id})
        self.assertFalse(handover.has_difference)
        handover.action_confirm()
        self.assertEqual(handover.state, "confirmed")
        self.assertEqual(len(handover.sale_ids), 2)  # the day's, not the day before's
        with self.assertRaisesRegex(UserError, "handed over"):
            handover.sale_ids[:1].quantity = 1
        with self.assertRaisesRegex(UserError, "handed over"):
            handover.sale_ids[:1].unlink()
        with self.assertRaisesRegex(UserError, "already handed over"):
            self._sell(self.ticket, 1)
        with self.assertRaisesRegex(UserError, "stays as it is"):
            handover.amount_handed = 1

    def test_difference_must_be_explained(self):
        self._sell(self.ticket, 2)
        handover = self.Handover.with_user(self.front_desk).create(
            {"project_id": self.project.id, "date": DAY, "cashier_id": self.supervisor.id}
        )
        line = handover.line_ids.filtered(lambda line: line.item_id == self.ticket)
        line.closing_qty = 17  # one ticket missing from the drawer
        handover.amount_handed = 70.0
        self.assertEqual(line.stock_difference, 1)
        self.assertTrue(handover.has_difference)
        with self.assertRefused(UserError, "explain the difference"):
            handover.action_confirm()
        self.assertEqual(handover.state, "draft")
        self.assertFalse(handover.sale_ids)
        handover.explanation = "One ticket given to the cinema's courier by mistake."
        handover.action_confirm()
        self.assertEqual(handover.state, "confirmed")

    def test_cash_short_is_flagged(self):
        self._sell(self.ticket, 2)
        handover = self.Handover.create(
            {"project_id": self.project.id, "date": DAY, "cashier_id": self.supervisor.id}
        )
        handover.amount_handed = 35.0
        self.assertEqual(handover.cash_difference, -35.0)
        self.assertTrue(handover.has_difference)
        with self.assertRaisesRegex(UserError, "explain the difference"):
            handover.action_confirm()

    def test_sales_recorded_after_counting_need_a_refresh(self):
        handover = self.Handover.create(
            {"project_id": self.project.id, "date": DAY, "cashier_id": self.supervisor.id}
        )
        self._sell(self.ticket, 1)
        with self.assertRaisesRegex(UserError, "count again"):
            handover.action_confirm()
        handover.action_refresh()
        handover.amount_handed = 35.0
        handover.action_confirm()
        self.assertEqual(handover.sale_ids.amount, 35.0)

    def test_cashier_required_and_one_handover_a_day(self):
        handover = self.Handover.create({"project_id": self.project.id, "date": DAY})
        with self.assertRaisesRegex(UserError, "cashier"):
            handover.action_confirm()
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.Handover.create({"project_id": self.project.id, "date": DAY})
            self.env.flush_all()

    def test_new_sale_form(self):
        form = Form(self.Sale.with_user(self.front_desk))
        form.item_id = self.ticket
        self.assertEqual(form.price, 35.0)
        form.quantity = 2
        self.assertEqual(form.amount, 70.0)
        self.assertEqual(form.save().project_id, self.project)

    def test_roles_and_companies(self):
        for user in (self.guard, self.staff):
            for model in (self.Item, self.Sale, self.Handover):
                with self.assertRaises(AccessError):
                    model.with_user(user).search([])
        with self.assertRaises(AccessError):
            self.ticket.with_user(self.front_desk).unlink()
        company, project, _building, _unit = self._moon_bay()
        moon = self.Item.create({"name": "Moon ticket", "project_id": project.id, "price": 1})
        self.assertEqual(moon.company_id, company)
        self.assertNotIn(moon, self.Item.with_user(self.supervisor).search([]))
        self.assertEqual(self.ticket.company_id, self.company)
