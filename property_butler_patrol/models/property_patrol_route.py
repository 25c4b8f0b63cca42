from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_butler.models.ir_cron import CronBatch

ROUTE_KINDS = [
    ("manual", "Hand-Made"),
    ("key_areas", "Key Areas at Night"),
    ("empty_flats", "Empty Flats, Every Shift"),
]


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
    kind = fields.Selection(
        ROUTE_KINDS,
        required=True,
        default="manual",
        help="Hand-made: its checkpoints are chosen by hand. Key areas at night: the default "
        "hourly night plan of the project's key areas (S0 3.5.2), new key areas join it. Empty "
        "flats: passes each empty flat once per shift (S0 3.4.1); its checkpoints follow the "
        "units' status, without hand edits.",
    )
    cluster_id = fields.Many2one(
        "property.cluster",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="Empty flats route: only the flats of this cluster (empty: the whole project).",
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

    # ------------------------------------------------------------------
    # Routes that follow the estate: empty flats, key areas
    # ------------------------------------------------------------------
    def _sync_vacant_units(self):
        """Bring the empty-flat routes in line with the units' status: a checkpoint (with the
        guards' checks of S0 3.4.2) for each empty flat of the project or cluster, on the route;
        flats that are lived in again leave it. Returns the lines added."""
        routes = self.filtered(lambda r: r.kind == "empty_flats" and r.active)
        Line = self.env["property.patrol.route.line"]
        if not routes:
            return Line
        Unit = self.env["property.unit"]
        units = Unit.search(
            [*Unit._property_empty_domain(), ("project_id", "in", routes.project_id.ids)]
        )
        Checkpoint = self.env["property.checkpoint"]
        checkpoints = Checkpoint.search(
            [("unit_id", "in", units.ids), ("area", "=", "vacant_unit")], order="id"
        )
        checkpoint_of = {checkpoint.unit_id: checkpoint for checkpoint in checkpoints}
        missing = units.filtered(lambda unit: unit not in checkpoint_of)
        created = Checkpoint.create(
            [
                {
                    "name": self.env._("Empty flat %s", unit.code),
                    "project_id": unit.project_id.id,
                    "cluster_id": unit.cluster_id.id,
                    "building_id": unit.building_id.id,
                    "unit_id": unit.id,
                    "area": "vacant_unit",
                }
                for unit in missing
            ]
        )
        checkpoint_of.update(zip(missing, created, strict=True))
        vals_list, stale = [], Line
        for route in routes:
            wanted = [
                checkpoint_of[unit]
                for unit in units
                if unit.project_id == route.project_id
                and (not route.cluster_id or unit.cluster_id == route.cluster_id)
            ]
            wanted_ids = {checkpoint.id for checkpoint in wanted}
            stale |= route.line_ids.filtered(
                lambda line, ids=wanted_ids: (
                    line.checkpoint_id.area == "vacant_unit"
                    and line.checkpoint_id.unit_id
                    and line.checkpoint_id.id not in ids
                )
            )
            present = set(route.line_ids.checkpoint_id.ids)
            vals_list += [
                {"route_id": route.id, "checkpoint_id": checkpoint.id, "sequence": index}
                for index, checkpoint in enumerate(wanted, start=10)
                if checkpoint.id not in present
            ]
        stale.unlink()
        return Line.create(vals_list)

    def action_sync_vacant_units(self):
        self._sync_vacant_units()
        return True

    @api.model
    def _create_empty_flat_routes(self, projects):
        """For those ``projects`` that have empty flats and no empty-flat route: the route, on a
        plan of each of the company's shifts, one round per shift ("每班次必須巡邏一次")."""
        Unit = self.env["property.unit"]
        with_empty = {
            project
            for project, _count in Unit._read_group(
                [*Unit._property_empty_domain(), ("project_id", "in", projects.ids)],
                ["project_id"],
                ["__count"],
            )
        }
        covered = self.search(
            [("kind", "=", "empty_flats"), ("project_id", "in", projects.ids)]
        ).project_id
        todo = projects.filtered(lambda p: p in with_empty and p not in covered)
        if not todo:
            return self.browse()
        routes = self.create(
            [
                {
                    "name": self.env._("Empty flats"),
                    "project_id": project.id,
                    "kind": "empty_flats",
                    "expected_duration": 60,
                }
                for project in todo
            ]
        )
        shifts = self.env["property.patrol.shift"].search(
            [("company_id", "in", todo.company_id.ids)]
        )
        self.env["property.patrol.plan"].create(
            [
                {"route_id": route.id, "shift_id": shift.id, "interval_minutes": 0}
                for route in routes
                for shift in shifts
                if shift.company_id == route.company_id
            ]
        )
        routes._sync_vacant_units()
        return routes

    @api.model
    def _cron_default_plans(self, batch_size=50):
        """The manual's standing patrols for every project: its key areas on an hourly night
        round (S0 3.5.2), its empty flats passed once per shift (S0 3.4.1), the empty-flat routes
        following the units' status. Idempotent: what exists is kept, only what is missing is
        added. ``batch_size`` projects per call of the scheduler, by id."""
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._default_plans_batch(batch_size, cursor)
        )

    @api.model
    def _default_plans_batch(self, batch_size, cursor):
        after = cursor or 0
        projects = self.env["property.project"].search([("id", ">", after)], order="id")
        batch = projects[:batch_size]
        key_areas = self.env["property.checkpoint"].search(
            [("is_key_area", "=", True), ("project_id", "in", batch.ids)]
        )
        plans = key_areas._plan_default_night_rounds(strict=False)
        routes = self._create_empty_flat_routes(batch)
        self.search(
            [("kind", "=", "empty_flats"), ("project_id", "in", (batch - routes.project_id).ids)]
        )._sync_vacant_units()
        return CronBatch(
            plans.route_id | routes, len(batch), len(projects) - len(batch), batch[-1:].id
        )
