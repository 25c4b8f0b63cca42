from odoo import fields, models

COMPUTATIONS = [
    ("area", "Rate × Gross Area (per m²)"),
    ("fixed", "Fixed per Unit"),
    ("parking", "Per Parking Space"),
    ("metered", "Metered (Readings)"),
]


class PropertyFeeType(models.Model):
    """A fee billed monthly (物管費, parking, water...): a service product and how it is computed."""

    _name = "property.fee.type"
    _description = "Fee Type"
    _inherit = ["property.company.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain="[('type', '=', 'service')]",
        help="The service product invoiced: its income account and taxes apply.",
    )
    computation = fields.Selection(COMPUTATIONS, required=True, default="area")
    rate_ids = fields.One2many("property.fee.rate", "fee_type_id", string="Rates")
