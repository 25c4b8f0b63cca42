from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyTicketLine(models.Model):
    """A line of a paid-service quotation."""

    _name = "property.ticket.line"
    _description = "Ticket Quotation Line"
    _order = "ticket_id, sequence, id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "property.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        domain="[('sale_ok', '=', True)]",
        check_company=True,
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure", required=True)
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="ticket_id.currency_id")
    price_subtotal = fields.Monetary(compute="_compute_price_subtotal", store=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive."),
        ("price_positive", "CHECK(price_unit >= 0)", "The price cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        if any(not vals.get("ticket_id") for vals in vals_list):
            raise ValidationError(self.env._("A quotation line belongs to a ticket: choose it."))
        tickets = self.env["property.ticket"].browse({vals["ticket_id"] for vals in vals_list})
        tickets._check_quotation_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.ticket_id._check_quotation_editable()
        return super().write(vals)

    def unlink(self):
        self.ticket_id._check_quotation_editable()
        return super().unlink()

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            line.name = line.product_id.display_name or line.name

    @api.depends("product_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.quantity * line.price_unit
