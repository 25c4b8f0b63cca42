from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LINE_STATUS = [
    ("ok", "As Expected"),
    ("shortfall", "Shortfall"),
    ("surplus", "Surplus"),
]


class PropertyNewspaperDeliveryLine(models.Model):
    """One title of a day's delivery: copies expected, received, left over."""

    _name = "property.newspaper.delivery.line"
    _description = "Daily Newspaper Delivery Line"
    _inherit = ["property.company.mixin"]
    _order = "delivery_id, title_id"
    _check_company_auto = True

    delivery_id = fields.Many2one(
        "property.newspaper.delivery",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="delivery_id.company_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        related="delivery_id.project_id", store=True, index=True, precompute=True
    )
    date = fields.Date(related="delivery_id.date", store=True)
    title_id = fields.Many2one("property.newspaper.title", required=True, check_company=True)
    expected_qty = fields.Integer(
        string="Expected", readonly=True, help="Copies of the subscriptions current that day."
    )
    received_qty = fields.Integer(string="Received")
    difference = fields.Integer(compute="_compute_status", store=True)
    status = fields.Selection(LINE_STATUS, compute="_compute_status", store=True)
    leftover_qty = fields.Integer(
        string="Not Handed Out",
        help="Copies that could not be handed out today; they go to the shift handover.",
    )
    note = fields.Char()

    _sql_constraints = [
        ("title_uniq", "unique(delivery_id, title_id)", "A title is counted once a day."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        deliveries = self.env["property.newspaper.delivery"].browse(
            {vals.get("delivery_id") for vals in vals_list} - {None, False}
        )
        deliveries._check_open()
        return super().create(vals_list)

    def write(self, vals):
        self.delivery_id._check_open()
        if "received_qty" in vals and self.delivery_id.filtered(lambda d: d.state != "draft"):
            raise UserError(
                self.env._("The copies received are counted before the sorting is done.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_open_only(self):
        self.delivery_id._check_open()

    @api.depends("expected_qty", "received_qty")
    def _compute_status(self):
        for line in self:
            line.difference = line.received_qty - line.expected_qty
            line.status = (
                "ok" if not line.difference else ("shortfall" if line.difference < 0 else "surplus")
            )

    @api.constrains("received_qty", "leftover_qty")
    def _check_quantities(self):
        for line in self:
            if line.received_qty < 0 or line.leftover_qty < 0:
                raise ValidationError(self.env._("Copies cannot be negative."))
            if line.leftover_qty > line.received_qty:
                raise ValidationError(
                    self.env._(
                        "%(title)s: more copies left over than received.",
                        title=line.title_id.name,
                    )
                )
