from odoo import fields, models


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    visit_id = fields.Many2one(
        "property.visit",
        string="Customer Visit",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The butler's visit where the question came up.",
    )
