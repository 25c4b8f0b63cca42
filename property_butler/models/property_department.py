from odoo import fields, models

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
    """A department of the property company (engineering, security, cleaning...): it receives
    the residents' tickets once the ticket addon is installed."""

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
    color = fields.Integer()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A department with this name already exists in this company.",
        ),
    ]
