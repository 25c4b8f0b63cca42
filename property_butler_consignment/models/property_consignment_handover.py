from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

HANDOVER_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Handed Over"),
]


class PropertyConsignmentHandover(models.Model):
    """The day's takings of consignment sales handed to the cashier (交至財務部出納處),
    reconciled against stock: opening + received = sold + closing for each item, and the cash
    handed over = what was sold × its price. A difference must be explained."""

    _name = "property.consignment.handover"
    _description = "Consignment Cash Hand-over"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(readonly=True, copy=False, default="/")
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Clerk", default=lambda self: self.env.user, readonly=True
    )
    cashier_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        tracking=True,
        help="Who received the cash in the finance department.",
    )
    state = fields.Selection(
        HANDOVER_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    line_ids = fields.One2many(
        "property.consignment.handover.line", "handover_id", string="Items", copy=False
    )
    sale_ids = fields.One2many("property.consignment.sale", "handover_id", readonly=True)
    amount_expected = fields.Monetary(
        string="Sales", compute="_compute_amounts", store=True, help="Sold × price."
    )
    amount_handed = fields.Monetary(string="Cash Handed Over", tracking=True)
    cash_difference = fields.Monetary(compute="_compute_amounts", store=True)
    stock_difference = fields.Integer(
        compute="_compute_amounts",
        store=True,
        help="Opening + received − sold − counted closing, over every item.",
    )
    has_difference = fields.Boolean(compute="_compute_amounts", store=True)
    explanation = fields.Text(
        tracking=True, help="Why the cash or the stock does not match; required to hand over."
    )

    _sql_constraints = [
        (
            "project_date_uniq",
            "unique(project_id, date)",
            "The takings of a project are handed over once a day.",
        ),
    ]

    @api.depends(
        "line_ids.sold_amount", "line_ids.stock_difference", "amount_handed", "currency_id"
    )
    def _compute_amounts(self):
        for handover in self:
            rounding = handover.currency_id.rounding or 0.01
            handover.amount_expected = sum(handover.line_ids.mapped("sold_amount"))
            handover.cash_difference = handover.amount_handed - handover.amount_expected
            handover.stock_difference = sum(handover.line_ids.mapped("stock_difference"))
            handover.has_difference = bool(
                not float_is_zero(handover.cash_difference, precision_rounding=rounding)
                or any(handover.line_ids.mapped("stock_difference"))
            )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.consignment.handover") or "/"
        handovers = super().create(vals_list)
        handovers.filtered(lambda h: not h.line_ids)._fill_lines()
        return handovers

    def write(self, vals):
        if set(vals) - {"explanation", "state"} and self.filtered(lambda h: h.state == "confirmed"):
            raise UserError(self.env._("A cash hand-over that was confirmed stays as it is."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda h: h.state == "confirmed"):
            raise UserError(self.env._("A cash hand-over that was confirmed stays on record."))

    def _fill_lines(self):
        """A line per item of the project: the stock at the start of the day, received and sold
        that day (four grouped reads per hand-over, each one row per item), and by default the closing stock they
        make; the clerk corrects it to what is counted."""
        Line = self.env["property.consignment.handover.line"]
        Move = self.env["property.consignment.move"]
        Sale = self.env["property.consignment.sale"]
        vals_list = []
        for handover in self:
            day, project = handover.date, handover.project_id
            before = {
                item: qty
                for item, qty in Move._read_group(
                    [("project_id", "=", project.id), ("date", "<", day)],
                    ["item_id"],
                    ["signed_qty:sum"],
                )
            }
            received = dict(
                Move._read_group(
                    [("project_id", "=", project.id), ("date", "=", day)],
                    ["item_id"],
                    ["signed_qty:sum"],
                )
            )
            # Sold before the day (one sum per item, however long the history) and that day.
            sold_before = dict(
                Sale._read_group(
                    [("project_id", "=", project.id), ("date", "<", day)],
                    ["item_id"],
                    ["quantity:sum"],
                )
            )
            sold = {
                item: (qty, amount)
                for item, qty, amount in Sale._read_group(
                    [("project_id", "=", project.id), ("date", "=", day)],
                    ["item_id"],
                    ["quantity:sum", "amount:sum"],
                )
            }
            items = (
                self.env["property.consignment.item"]
                .with_context(active_test=False)
                .search([("project_id", "=", project.id)])
            )
            for item in items:
                sold_qty, sold_amount = sold.get(item, (0, 0.0))
                opening = before.get(item, 0) - sold_before.get(item, 0)
                if not (item.active or opening or received.get(item) or sold_qty):
                    continue
                vals_list.append(
                    {
                        "handover_id": handover.id,
                        "item_id": item.id,
                        "opening_qty": opening,
                        "received_qty": received.get(item, 0),
                        "sold_qty": sold_qty,
                        "sold_amount": sold_amount,
                        "closing_qty": opening + received.get(item, 0) - sold_qty,
                    }
                )
        return Line.create(vals_list)

    def action_refresh(self):
        """Count again what was received and sold (sales recorded since)."""
        if self.filtered(lambda h: h.state != "draft"):
            raise UserError(self.env._("Only a draft cash hand-over can be counted again."))
        self.line_ids.unlink()
        self._fill_lines()
        return True

    def action_confirm(self):
        """The cashier received the cash: the day's sales are closed."""
        for handover in self:
            if handover.state != "draft":
                raise UserError(self.env._("%s was already handed over.", handover.name))
            if not handover.cashier_id:
                raise UserError(
                    self.env._("Who received the cash? Fill in the cashier of %s.", handover.name)
                )
            if handover.has_difference and not (handover.explanation or "").strip():
                raise UserError(
                    self.env._(
                        "%(name)s does not match (cash %(cash)s, stock %(stock)s): explain the "
                        "difference before handing over.",
                        name=handover.name,
                        cash=handover.cash_difference,
                        stock=handover.stock_difference,
                    )
                )
        self.action_refresh_check()
        sales = self.env["property.consignment.sale"].search(
            [
                ("project_id", "in", self.project_id.ids),
                ("date", "in", self.mapped("date")),
                ("handover_id", "=", False),
            ]
        )
        for handover in self:
            sales.filtered(
                lambda s, h=handover: s.project_id == h.project_id and s.date == h.date
            ).handover_id = handover
        self.write({"state": "confirmed"})
        return True

    def action_refresh_check(self):
        """The lines still show every sale of the day (none recorded since they were
        counted)."""
        for handover in self:
            counted = sum(handover.line_ids.mapped("sold_amount"))
            day_sales = self.env["property.consignment.sale"]._read_group(
                [("project_id", "=", handover.project_id.id), ("date", "=", handover.date)],
                [],
                ["amount:sum"],
            )[0][0]
            rounding = handover.currency_id.rounding or 0.01
            if float_compare(counted, day_sales, precision_rounding=rounding):
                raise UserError(
                    self.env._(
                        "Sales were recorded since %s was counted: count again (Refresh).",
                        handover.name,
                    )
                )
