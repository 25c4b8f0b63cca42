from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyConsignmentHandoverLine(models.Model):
    """One item of a cash hand-over: opening + received = sold + closing, or a difference."""

    _name = "property.consignment.handover.line"
    _description = "Consignment Cash Hand-over Line"
    _inherit = ["property.company.mixin"]
    _order = "handover_id, item_id"
    _check_company_auto = True

    handover_id = fields.Many2one(
        "property.consignment.handover",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="handover_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="handover_id.currency_id")
    item_id = fields.Many2one(
        "property.consignment.item", required=True, readonly=True, check_company=True
    )
    opening_qty = fields.Integer(string="Opening Stock", readonly=True)
    received_qty = fields.Integer(string="Received", readonly=True)
    sold_qty = fields.Integer(string="Sold", readonly=True)
    sold_amount = fields.Monetary(string="Sales", readonly=True)
    closing_qty = fields.Integer(string="Closing Stock (Counted)")
    stock_difference = fields.Integer(
        compute="_compute_stock_difference",
        store=True,
        help="Opening + received − sold − counted closing: copies missing (positive) or too "
        "many (negative).",
    )

    _sql_constraints = [
        ("item_uniq", "unique(handover_id, item_id)", "An item is counted once a hand-over."),
    ]

    @api.depends("opening_qty", "received_qty", "sold_qty", "closing_qty")
    def _compute_stock_difference(self):
        for line in self:
            line.stock_difference = (
                line.opening_qty + line.received_qty - line.sold_qty - line.closing_qty
            )

    @api.constrains("closing_qty")
    def _check_closing(self):
        if any(line.closing_qty < 0 for line in self):
            raise ValidationError(self.env._("The counted stock cannot be negative."))
