from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyConsignmentItem(models.Model):
    """An item the front desk sells for a consignor (代售: a cinema's tickets...), with its stock
    at the desk of one project."""

    _name = "property.consignment.item"
    _description = "Consigned Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    consignor_id = fields.Many2one("res.partner", help="Who supplies the item and is paid for it.")
    price = fields.Float(string="Unit Price", digits="Product Price", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    min_stock = fields.Integer(
        string="Minimum Stock",
        tracking=True,
        help="Below this stock the front desk is reminded to ask the consignor for more.",
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Front Desk Contact",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Who gets the reminder to restock.",
    )
    move_ids = fields.One2many("property.consignment.move", "item_id", string="Stock Received")
    sale_ids = fields.One2many("property.consignment.sale", "item_id", string="Sales")
    stock_qty = fields.Integer(
        string="In Stock", compute="_compute_stock_qty", store=True, help="Received less sold."
    )
    is_low = fields.Boolean(compute="_compute_stock_qty", store=True, string="Low Stock")

    _sql_constraints = [
        ("price_positive", "CHECK(price >= 0)", "The price cannot be negative."),
        ("min_stock_positive", "CHECK(min_stock >= 0)", "The minimum stock cannot be negative."),
    ]

    @api.depends("move_ids.quantity", "sale_ids.quantity", "min_stock")
    def _compute_stock_qty(self):
        received = dict(
            self.env["property.consignment.move"]._read_group(
                [("item_id", "in", self.ids)], ["item_id"], ["signed_qty:sum"]
            )
        )
        sold = dict(
            self.env["property.consignment.sale"]._read_group(
                [("item_id", "in", self.ids)], ["item_id"], ["quantity:sum"]
            )
        )
        for item in self:
            item.stock_qty = received.get(item, 0) - sold.get(item, 0)
            item.is_low = item.stock_qty < item.min_stock

    def _check_stock(self):
        """Nothing is sold or returned that is not in stock."""
        self.flush_recordset(["stock_qty"])
        for item in self:
            if item.stock_qty < 0:
                raise UserError(
                    self.env._(
                        "Not enough %(item)s in stock: %(missing)s missing.",
                        item=item.name,
                        missing=-item.stock_qty,
                    )
                )

    def _remind_low_stock(self):
        """A reminder (activity) to the item's front-desk contact for each item below its
        minimum, once: no second reminder while one is open."""
        activity_type = self.env.ref("property_butler_consignment.mail_activity_type_restock")
        for item in self.filtered("is_low"):
            if item.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            item.activity_schedule(
                "property_butler_consignment.mail_activity_type_restock",
                user_id=(item.responsible_id or self.env.user).id,
                summary=self.env._(
                    "Only %(stock)s left of %(item)s (minimum %(minimum)s): ask the consignor "
                    "for more.",
                    stock=item.stock_qty,
                    item=item.name,
                    minimum=item.min_stock,
                ),
            )
        # Restocked: the reminder is done.
        restocked = self.filtered(lambda i: not i.is_low).activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        restocked.action_feedback(feedback=self.env._("Restocked."))
