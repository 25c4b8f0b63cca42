from odoo import fields, models


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    recommendation_id = fields.Many2one(
        "property.service.recommendation",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The butler's recommendation the resident accepted: this ticket delivers it.",
    )
