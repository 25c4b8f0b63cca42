from odoo import fields, models


class PropertyServiceOffer(models.Model):
    """A service product the butler recommends to households (S4: 桶裝水, 拎包入住, 居家保潔與
    維修, 房屋托管): the paid-service ticket type and the product an accepted recommendation
    becomes a ticket and a quotation line of."""

    _name = "property.service.offer"
    _description = "Service Offer"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="The company offering the service; empty: every company of the database offers it.",
    )
    description = fields.Text(translate=True)
    ticket_type_id = fields.Many2one(
        "property.ticket.type",
        domain="[('kind', '=', 'service')]",
        default=lambda self: self.env.ref(
            "property_butler_ticket.property_ticket_type_service", raise_if_not_found=False
        ),
        help="The paid-service ticket an accepted recommendation becomes.",
    )
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        domain="[('sale_ok', '=', True)]",
        help="The first quotation line of the ticket, at the product's price.",
    )
    recommendation_ids = fields.One2many(
        "property.service.recommendation", "offer_id", string="Recommendations"
    )
