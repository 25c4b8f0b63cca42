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
    min_minutes = fields.Integer(
        string="Minimum Minutes",
        help="The shortest plausible time from the round's previous check-in to this checkpoint "
        "(e.g. stairs to the roof): a check-in sooner is flagged suspicious. 0: only the walking "
        "distance between coordinates counts.",
    )

    _sql_constraints = [
        (
            "min_minutes_positive",
            "CHECK(min_minutes >= 0)",
            "The minimum minutes of a route leg cannot be negative.",
        ),
    ]
