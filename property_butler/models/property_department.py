from odoo import api, fields, models

DEPARTMENT_KINDS = [
    ("engineering", "Engineering"),
    ("security", "Security"),
    ("cleaning", "Cleaning"),
    ("greening", "Greening"),
    ("customer_service", "Customer Service"),
    ("finance", "Finance"),
    ("other", "Other"),
]


class PropertyDepartment(models.Model):
    """A department that receives tickets (engineering, security, cleaning...)."""

    _name = "property.department"
    _description = "Property Department"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    kind = fields.Selection(DEPARTMENT_KINDS, required=True, default="other")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one(
        "res.users",
        groups="base.group_user",
        check_company=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    member_ids = fields.Many2many(
        "res.users",
        groups="base.group_user",
        string="Members",
        check_company=True,
        domain="[('share', '=', False)]",
    )
    ticket_ids = fields.One2many("property.ticket", "department_id", string="Tickets")
    open_ticket_count = fields.Integer(compute="_compute_open_ticket_count")
    color = fields.Integer()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A department with this name already exists in this company.",
        ),
    ]

    @api.depends("ticket_ids.stage_id")
    def _compute_open_ticket_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("department_id", "in", self.ids), ("is_closed", "=", False)],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.open_ticket_count = counts.get(department, 0)

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_ticket.property_ticket_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id, "search_default_filter_open": 1}
        return action
