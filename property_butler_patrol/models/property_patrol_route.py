from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyPatrolRoute(models.Model):
    """An ordered list of checkpoints walked in one round (巡邏路線)."""

    _name = "property.patrol.route"
    _description = "Patrol Route"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    line_ids = fields.One2many("property.patrol.route.line", "route_id", string="Checkpoints")
    checkpoint_count = fields.Integer(compute="_compute_checkpoint_count")
    expected_duration = fields.Integer(
        string="Expected Duration (minutes)",
        required=True,
        default=30,
        help="Check-ins later than this after the round's start are flagged late.",
    )

    walking_speed = fields.Float(
        string="Walking Speed (km/h)",
        default=6.0,
        help="The fastest a guard walks between checkpoints: a check-in sooner after the previous "
        "one than walking the straight line between their coordinates takes at this speed is "
        "flagged suspicious. 0: no check.",
    )
    max_distance = fields.Integer(
        string="Phone Distance Tolerance (m)",
        default=150,
        help="A check-in whose phone position (when the guard shares it) is farther than this, "
        "beyond the phone's own accuracy, from the checkpoint's coordinates is flagged "
        "suspicious.",
    )

    _sql_constraints = [
        (
            "duration_positive",
            "CHECK(expected_duration > 0)",
            "The expected duration of a route must be positive.",
        ),
        (
            "walking_speed_positive",
            "CHECK(walking_speed >= 0)",
            "The walking speed of a route cannot be negative.",
        ),
        (
            "max_distance_positive",
            "CHECK(max_distance >= 0)",
            "The phone distance tolerance of a route cannot be negative.",
        ),
    ]

    @api.depends("line_ids")
    def _compute_checkpoint_count(self):
        for route in self:
            route.checkpoint_count = len(route.line_ids)

    @api.constrains("line_ids", "project_id")
    def _check_checkpoints(self):
        for route in self:
            checkpoints = route.line_ids.checkpoint_id
            if len(checkpoints) != len(route.line_ids):
                raise ValidationError(self.env._("Route %s lists a checkpoint twice.", route.name))
            if checkpoints.filtered(lambda c, r=route: c.project_id != r.project_id):
                raise ValidationError(
                    self.env._("Route %s can only use checkpoints of its own project.", route.name)
                )
