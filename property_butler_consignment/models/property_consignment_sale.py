from odoo import api, fields, models
from odoo.exceptions import UserError

# What may still change on a sale once the day's cash was handed over: nothing but the link.
LOCKED_FIELDS = {"item_id", "date", "quantity", "price", "user_id"}


class PropertyConsignmentSale(models.Model):
    """A line of the sales log (電影票銷售記錄表): what the desk sold, for how much, by whom."""

    _name = "property.consignment.sale"
    _description = "Consignment Sale"
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
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    quantity = fields.Integer(required=True, default=1)
    price = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    user_id = fields.Many2one(
        "res.users", string="Clerk", default=lambda self: self.env.user, readonly=True
    )
    buyer = fields.Char(help="Who bought, when the desk notes it (a resident, a unit).")
    handover_id = fields.Many2one(
        "property.consignment.handover",
        string="Cash Hand-over",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "Sell at least one."),
    ]

    @api.depends("item_id")
    def _compute_price(self):
        for sale in self:
            sale.price = sale.item_id.price

    @api.depends("quantity", "price")
    def _compute_amount(self):
        for sale in self:
            sale.amount = sale.quantity * sale.price

    def _check_not_handed_over(self):
        handed = self.handover_id.filtered(lambda h: h.state == "confirmed")
        if handed:
            raise UserError(
                self.env._(
                    "The cash of these sales was handed over (%s): they stay as they are.",
                    ", ".join(handed.mapped("name")),
                )
            )

    def _check_day_open(self, vals_list):
        """No sale on a day whose cash was already handed over."""
        keys = {(vals.get("date"), vals.get("item_id")) for vals in vals_list}
        items = self.env["property.consignment.item"].browse({key[1] for key in keys})
        days = {fields.Date.to_date(key[0]) or fields.Date.context_today(self) for key in keys}
        closed = self.env["property.consignment.handover"].search_count(
            [
                ("project_id", "in", items.project_id.ids),
                ("date", "in", list(days)),
                ("state", "=", "confirmed"),
            ],
            limit=1,
        )
        if closed:
            raise UserError(
                self.env._("The cash of that day was already handed over: record the sale today.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_day_open(vals_list)
        sales = super().create(vals_list)
        sales.item_id._check_stock()
        sales.item_id._remind_low_stock()
        return sales

    def write(self, vals):
        if LOCKED_FIELDS.intersection(vals):
            self._check_not_handed_over()
        result = super().write(vals)
        self.item_id._check_stock()
        self.item_id._remind_low_stock()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_not_handed_over(self):
        self._check_not_handed_over()
