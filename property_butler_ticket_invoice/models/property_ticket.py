from odoo import fields, models
from odoo.exceptions import UserError


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    invoice_id = fields.Many2one("account.move", copy=False, readonly=True)

    def _on_done(self):
        """Accepted paid services are invoiced once done."""
        self.filtered(
            lambda t: t.kind == "service" and t.quotation_state == "accepted" and not t.invoice_id
        )._create_invoices()
        return super()._on_done()

    def action_create_invoice(self):
        """Create the customer invoice of a completed paid service (done automatically when
        the service is completed; this button serves a quotation accepted afterwards)."""
        for ticket in self:
            if ticket.kind != "service" or ticket.quotation_state != "accepted":
                raise UserError(
                    self.env._(
                        "Invoice %s: only an accepted paid-service quotation is invoiced.",
                        ticket.name,
                    )
                )
            if ticket.stage_category != "done":
                raise UserError(
                    self.env._("Complete the service %s before invoicing it.", ticket.name)
                )
            if ticket.invoice_id:
                raise UserError(self.env._("Service %s is already invoiced.", ticket.name))
        invoices = self._create_invoices()
        if self.env.user.has_group("account.group_account_invoice"):
            return self[:1].action_view_invoice()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Draft invoice %s created for finance.", invoices[:1].sudo().name
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _create_invoices(self):
        """Draft customer invoices of these accepted, completed services.

        Butlers have no accounting rights: once their right to change the tickets is checked,
        the draft invoice is created as superuser; finance reviews and posts it."""
        self.check_access("write")
        vals_list = []
        for ticket in self:
            partner = ticket.partner_id or ticket.unit_id.billing_partner_id
            if not partner:
                raise UserError(self.env._("Service %s has no resident to invoice.", ticket.name))
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": ticket.company_id.id,
                    "invoice_origin": ticket.name,
                    "ref": f"{ticket.name} {ticket.unit_id.code}",
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": f"{line.name} ({ticket.unit_id.code})",
                                "quantity": line.quantity,
                                "price_unit": line.price_unit,
                            }
                        )
                        for line in ticket.line_ids
                    ],
                }
            )
        invoices = self.env["account.move"].sudo().create(vals_list)
        for ticket, invoice in zip(self, invoices, strict=True):
            ticket.invoice_id = invoice
            ticket.message_post(
                body=self.env._("Invoice %s created.", invoice._get_html_link()),
                subtype_xmlid="mail.mt_note",
            )
        return invoices

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.invoice_id.id,
        }
