from odoo import fields, models


class PropertyNewspaperTitle(models.Model):
    """A newspaper or magazine the front desk receives for residents (北京青年報, 晨報...)."""

    _name = "property.newspaper.title"
    _description = "Newspaper Title"
    _inherit = ["property.company.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    publisher = fields.Char()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A newspaper title of that name already exists in this company.",
        ),
    ]
