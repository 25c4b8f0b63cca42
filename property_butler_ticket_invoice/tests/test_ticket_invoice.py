from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_butler_ticket.tests.common_ticket import TicketCase


@tagged("post_install", "-at_install")
class TestTicketInvoice(TicketCase):
    def test_paid_service_quotation_to_invoice(self):
        cleaning = self.env.ref("property_butler_ticket.product_home_cleaning")
        water = self.env.ref("property_butler_ticket.product_bottled_water")
        service = self._ticket(self.service_type, title="Deep cleaning before Spring Festival")
        with self.assertRefused(UserError, "Add the services"):
            service.action_send_quotation()
        service.line_ids = [
            Command.create({"product_id": cleaning.id, "quantity": 2}),
            Command.create({"product_id": water.id, "quantity": 3, "price_unit": 20.0}),
        ]
        self.assertEqual(service.line_ids[0].price_unit, cleaning.lst_price)
        self.assertAlmostEqual(service.amount_total, 2 * cleaning.lst_price + 60.0)
        service.action_send_quotation()
        self.assertEqual(service.quotation_state, "sent")
        with self.assertRefused(UserError, "accepted paid-service quotation"):
            service.action_create_invoice()
        service.action_accept_on_paper()
        self.assertEqual(service.quotation_state, "accepted")
        self.assertEqual(service.quotation_accepted_by, self.owner.name)
        with self.assertRefused(UserError, "Complete the service"):
            service.action_create_invoice()
        service.with_user(self.butler).action_done()
        invoice = service.invoice_id
        self.assertTrue(invoice, "completing an accepted service drafts its invoice")
        self.assertEqual(invoice.state, "draft", "finance reviews and posts it")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.owner)
        self.assertEqual(invoice.invoice_origin, service.name)
        self.assertEqual(len(invoice.invoice_line_ids), 2)
        self.assertAlmostEqual(invoice.amount_untaxed, service.amount_total)
        self.assertIn("3-2-1502", invoice.invoice_line_ids[0].name)
        with self.assertRefused(UserError, "already invoiced"):
            service.action_create_invoice()
