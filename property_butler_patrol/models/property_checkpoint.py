import math
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_checklist_item import PATROL_AREAS

EARTH_RADIUS_M = 6371008.8

# S0 3.5.2: key areas are patrolled at least hourly at night, 22:00 to 06:00 (local hours).
NIGHT_HOURS = (22, 23, 0, 1, 2, 3, 4, 5)


def _new_token():
    return secrets.token_urlsafe(24)


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in metres between two points in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


class PropertyCheckpoint(models.Model):
    """A place guards check in at (巡邏點), identified on site by a QR code."""

    _name = "property.checkpoint"
    _description = "Patrol Checkpoint"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "project_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    cluster_id = fields.Many2one(
        "property.cluster", check_company=True, domain="[('project_id', '=', project_id)]"
    )
    building_id = fields.Many2one(
        "property.building", check_company=True, domain="[('project_id', '=', project_id)]"
    )
    unit_id = fields.Many2one(
        "property.unit",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="For a vacant unit or a unit under decoration.",
    )
    is_key_area = fields.Boolean(
        string="Key Area",
        help="Offices, archive room, control room, warehouse (要害部位): patrolled at least "
        "hourly at night.",
    )
    night_round_missing = fields.Boolean(
        string="No Hourly Night Round",
        compute="_compute_night_round_missing",
        search="_search_night_round_missing",
        groups="property_butler.property_butler_group_patrol_guard,property_butler.property_butler_group_supervisor",
        help="A key area that no active plan patrols at least hourly through the night "
        "(22:00 to 06:00).",
    )
    latitude = fields.Float(
        digits=(10, 7),
        help="Where the QR code is posted (decimal degrees, WGS 84, as phones report it). With "
        "coordinates, check-ins are flagged when faster than walking from the previous "
        "checkpoint or when the guard's phone was elsewhere.",
    )
    longitude = fields.Float(digits=(10, 7))
    has_position = fields.Boolean(compute="_compute_has_position")
    instructions = fields.Html()
    area = fields.Selection(
        PATROL_AREAS,
        string="Patrol Area",
        help="Inside or outside the buildings: the standard checks of the manual for that area "
        "can be added to the checklist.",
    )
    checklist_item_ids = fields.One2many(
        "property.checklist.item", "checkpoint_id", string="Checklist"
    )
    qr_token = fields.Char(
        string="QR Token",
        required=True,
        copy=False,
        readonly=True,
        index=True,
        default=lambda self: _new_token(),
        groups="property_butler.property_butler_group_supervisor",
        help="Unguessable token printed in the checkpoint's QR code. Guards never read it: "
        "checking in proves they stood in front of the code.",
    )
    qr_url = fields.Char(
        compute="_compute_qr_url",
        string="QR Code Link",
        groups="property_butler.property_butler_group_supervisor",
    )

    _sql_constraints = [
        ("qr_token_uniq", "unique(qr_token)", "The QR token of a checkpoint must be unique."),
    ]

    @api.depends("qr_token")
    @api.depends_context("uid")
    def _compute_qr_url(self):
        """The check-in link, only for users who may read the token (never through sudo: a
        report or page rendered for a guard must not carry it)."""
        readable = self._fields["qr_token"].is_accessible(self.env)
        base = self[:1].get_base_url() if self and readable else ""
        for checkpoint in self:
            checkpoint.qr_url = readable and f"{base}/property/checkin/{checkpoint.qr_token}"

    def _night_hours_covered(self):
        """{checkpoint id: set of the night hours (22, 23, 0 ... 5) some active plan of its
        routes patrols at least hourly}, in one query."""
        plans = self.env["property.patrol.plan"].search(
            [
                ("route_id.line_ids.checkpoint_id", "in", self.ids),
                ("route_id.active", "=", True),
                ("interval_minutes", ">", 0),
                ("interval_minutes", "<=", 60),
            ]
        )
        covered = {checkpoint.id: set() for checkpoint in self}
        for plan in plans:
            shift = plan.shift_id
            hours = {
                hour
                for hour in NIGHT_HOURS
                if (hour - shift.hour_from) % 24 + 1 <= shift.duration + 1e-6
            }
            for checkpoint in plan.route_id.line_ids.checkpoint_id:
                if checkpoint.id in covered:
                    covered[checkpoint.id] |= hours
        return covered

    @api.depends("is_key_area")
    def _compute_night_round_missing(self):
        key_areas = self.filtered(lambda c: c.is_key_area and c.id)
        covered = key_areas._night_hours_covered()
        for checkpoint in self:
            checkpoint.night_round_missing = checkpoint.is_key_area and not (
                set(NIGHT_HOURS) <= covered.get(checkpoint.id, set())
            )

    def _search_night_round_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on key areas without night rounds."))
        key_areas = self.search([("is_key_area", "=", True)])
        covered = key_areas._night_hours_covered()
        missing = [c.id for c in key_areas if not set(NIGHT_HOURS) <= covered[c.id]]
        return [("id", "in" if (operator == "=") == value else "not in", missing)]

    @api.depends("latitude", "longitude")
    def _compute_has_position(self):
        for checkpoint in self:
            checkpoint.has_position = bool(checkpoint.latitude or checkpoint.longitude)

    @api.constrains("latitude", "longitude")
    def _check_position(self):
        for checkpoint in self:
            if not (-90 <= checkpoint.latitude <= 90 and -180 <= checkpoint.longitude <= 180):
                raise ValidationError(
                    self.env._(
                        "Checkpoint %s: the latitude goes from -90 to 90 and the longitude from "
                        "-180 to 180 degrees.",
                        checkpoint.name,
                    )
                )

    def _distance_to(self, latitude, longitude):
        """Metres from this checkpoint to a point (great-circle distance)."""
        self.ensure_one()
        return distance_m(self.latitude, self.longitude, latitude, longitude)

    @api.constrains("cluster_id", "building_id", "unit_id", "project_id")
    def _check_location(self):
        for checkpoint in self:
            places = [checkpoint.cluster_id, checkpoint.building_id, checkpoint.unit_id]
            if any(place and place.project_id != checkpoint.project_id for place in places):
                raise ValidationError(
                    self.env._(
                        "Checkpoint %s must be in its own project's clusters, buildings and units.",
                        checkpoint.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        checkpoints = super().create(vals_list)
        checkpoints.filtered(
            lambda c: c.area and not c.checklist_item_ids
        ).action_add_standard_checks()
        return checkpoints

    def action_add_standard_checks(self):
        """Add to the checklist the standard checks of the checkpoint's area it does not have yet,
        in every language (one create, one query)."""
        Item = self.env["property.checklist.item"]
        for checkpoint in self:
            if not checkpoint.area:
                raise UserError(
                    self.env._("Checkpoint %s: choose its patrol area first.", checkpoint.name)
                )
        standard = Item.search([("checkpoint_id", "=", False), ("area", "in", self.mapped("area"))])
        pairs = [
            (checkpoint, item)
            for checkpoint in self
            for item in standard
            if item.area == checkpoint.area
            and item.name not in checkpoint.checklist_item_ids.mapped("name")
        ]
        items = Item.create(
            [
                {
                    "checkpoint_id": checkpoint.id,
                    "name": item.name,
                    "sequence": item.sequence,
                    "department_id": item.department_id.id,
                }
                for checkpoint, item in pairs
            ]
        )
        if items:
            Item.flush_model(["name"])
            self.env.cr.execute(
                """UPDATE property_checklist_item item SET name = standard.name
                     FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS source) copy
                     JOIN property_checklist_item standard ON standard.id = copy.source
                    WHERE item.id = copy.id""",
                [items.ids, [item.id for _checkpoint, item in pairs]],
            )
            items.invalidate_recordset(["name"])
        return True

    def action_plan_night_rounds(self):
        """The default night plan of key areas: for each project, its key areas without an
        hourly night round join the project's key-area night route, walked every hour of the
        night shift."""
        if not self.filtered("night_round_missing"):
            raise UserError(self.env._("These key areas already have an hourly night round."))
        plans = self._plan_default_night_rounds()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Night Plans of the Key Areas"),
            "res_model": "property.patrol.plan",
            "view_mode": "list,form",
            "domain": [("id", "in", plans.ids)],
        }

    def _plan_default_night_rounds(self, strict=True):
        """Put these key areas that no hourly night round patrols on their project's key-area
        night route (one per project, made when missing) and make sure that route has an
        hourly plan of a shift covering 22:00-06:00 (S0 3.5.2). A company without such a shift
        is refused (``strict``) or skipped. Returns the plans of the routes."""
        missing = self.filtered("night_round_missing")
        Plan = self.env["property.patrol.plan"]
        if not missing:
            return Plan
        projects = missing.project_id
        shifts = self.env["property.patrol.shift"].search(
            [("company_id", "in", projects.company_id.ids)], order="hour_from, id"
        )
        night_shifts = shifts.filtered(
            lambda s: all(
                (hour - s.hour_from) % 24 + 1 <= s.duration + 1e-6 for hour in NIGHT_HOURS
            )
        )
        Route = self.env["property.patrol.route"]
        routes = Route.search([("kind", "=", "key_areas"), ("project_id", "in", projects.ids)])
        hourly_plans = Plan.search(
            [
                ("route_id", "in", routes.ids),
                ("shift_id", "in", night_shifts.ids),
                ("interval_minutes", ">", 0),
                ("interval_minutes", "<=", 60),
            ]
        )
        plans, line_vals = Plan, []
        for project in projects:
            shift = night_shifts.filtered(lambda s, p=project: s.company_id == p.company_id)[:1]
            if not shift:
                if strict:
                    raise UserError(
                        self.env._(
                            "%s has no shift covering 22:00 to 06:00: create the night shift "
                            "first.",
                            project.company_id.name,
                        )
                    )
                continue
            checkpoints = missing.filtered(lambda c, p=project: c.project_id == p)
            route = routes.filtered(lambda r, p=project: r.project_id == p)[:1]
            if not route:
                route = Route.create(
                    {"name": self.env._("Key areas at night"), "project_id": project.id,
                     "kind": "key_areas"}
                )  # fmt: skip
            on_route = route.line_ids.checkpoint_id
            line_vals += [
                {"route_id": route.id, "checkpoint_id": checkpoint.id, "sequence": index}
                for index, checkpoint in enumerate(checkpoints - on_route, len(route.line_ids))
            ]
            hourly = hourly_plans.filtered(lambda p, r=route: p.route_id == r)[:1]
            plans |= hourly or Plan.create(
                {"route_id": route.id, "shift_id": shift.id, "interval_minutes": 60}
            )
        self.env["property.patrol.route.line"].create(line_vals)
        return plans

    def action_regenerate_token(self):
        """Print a new QR code: the old one stops working at once."""
        for checkpoint in self:
            checkpoint.qr_token = _new_token()
        return True

    @api.model
    def _from_token(self, token):
        """The active checkpoint that carries ``token``, within the user's companies."""
        if not token or not isinstance(token, str):
            return self.browse()
        # sudo: guards may not read tokens; this one lookup matches the scanned code.
        checkpoint = self.sudo().search(
            [("qr_token", "=", token), ("company_id", "in", self.env.companies.ids)], limit=1
        )
        return checkpoint.sudo(False)
