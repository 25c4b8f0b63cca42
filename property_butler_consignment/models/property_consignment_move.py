from odoo import api, fields, models

MOVE_KINDS = [
    ("in", "Received"),
    ("out", "Returned to Consignor"),
]


class PropertyConsignmentMove(models.Model):
    """Stock received from the consignor (or returned to them)."""

    _name = "property.consignment.move"
    _description = "Consignment Stock Move"
    _inherit = ["property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    item_id = fields.Many2one(
        "property.consignment.item", required=True, index=True, check_company=True
    )
    project_id = fields.Many2one(
        related="item_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="item_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(MOVE_KINDS, required=True, default="in")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    quantity = fields.Integer(required=True, default=1)
    signed_qty = fields.Integer(string="Stock Change", compute="_compute_signed_qty", store=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )
    reference = fields.Char(help="The consignor's delivery note, ticket numbers...")

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "Move at least one."),
    ]

    @api.depends("kind", "quantity")
    def _compute_signed_qty(self):
        for move in self:
            move.signed_qty = move.quantity if move.kind == "in" else -move.quantity

    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        moves.item_id._check_stock()
        moves.item_id._remind_low_stock()
        return moves

    def write(self, vals):
        result = super().write(vals)
        self.item_id._check_stock()
        self.item_id._remind_low_stock()
        return result
