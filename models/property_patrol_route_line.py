from odoo import fields, models


class PropertyPatrolRouteLine(models.Model):
    _name = "property.patrol.route.line"
    _description = "Patrol Route Checkpoint"
    _order = "route_id, sequence, id"

    route_id = fields.Many2one(
        "property.patrol.route", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    checkpoint_id = fields.Many2one(
        "property.checkpoint", required=True, ondelete="restrict", index=True
    )
    is_key_area = fields.Boolean(related="checkpoint_id.is_key_area")
