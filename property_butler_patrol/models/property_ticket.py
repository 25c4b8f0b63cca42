from odoo import fields, models


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    patrol_checkin_id = fields.Many2one(
        "property.patrol.checkin",
        string="Patrol Check-in",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The check-in that raised this finding.",
    )
