from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyGoodsRelease(models.Model):
    """A goods release note (放行條): goods leaving the estate, requested by the resident,
    approved by the front desk and checked by the guard at the gate."""

    _name = "property.goods.release"
    _description = "Goods Release Note"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    partner_id = fields.Many2one("res.partner", string="Requested By")
    date = fields.Date(required=True, default=fields.Date.context_today)
    items = fields.Text(required=True)
    vehicle_plate = fields.Char()
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("checked", "Checked Out"),
            ("refused", "Refused"),
        ],
        default="requested",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    checked_by_id = fields.Many2one("res.users", readonly=True)
    checked_time = fields.Datetime(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("property.goods.release") or "/"
                )
        return super().create(vals_list)

    def action_approve(self):
        if self.filtered(lambda r: r.state != "requested"):
            raise UserError(self.env._("Only requested notes can be approved."))
        self.write({"state": "approved", "approved_by_id": self.env.uid})

    def action_refuse(self):
        self.write({"state": "refused"})

    def action_check(self):
        self.env["property.visitor.pass"]._check_gate_user()
        if self.filtered(lambda r: r.state != "approved"):
            raise UserError(self.env._("Goods can leave only with an approved release note."))
        self.write(
            {
                "state": "checked",
                "checked_by_id": self.env.uid,
                "checked_time": fields.Datetime.now(),
            }
        )
