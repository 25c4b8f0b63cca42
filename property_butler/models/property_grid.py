from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyGrid(models.Model):
    """A butler's grid (網格): the units one butler owns."""

    _name = "property.grid"
    _description = "Butler Grid"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "project_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    butler_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("property_butler.property_butler_group_butler").id)
        ],
    )
    backup_butler_id = fields.Many2one(
        "res.users",
        index=True,
        check_company=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("property_butler.property_butler_group_butler").id)
        ],
    )
    cluster_ids = fields.Many2many(
        "property.cluster",
        string="Clusters",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="Every unit of these clusters belongs to the grid.",
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="Every unit of these buildings belongs to the grid.",
    )
    extra_unit_ids = fields.Many2many(
        "property.unit",
        "property_grid_extra_unit_rel",
        "grid_id",
        "unit_id",
        string="Added Units",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="Single units added to the grid on top of its clusters and buildings.",
    )
    excluded_unit_ids = fields.Many2many(
        "property.unit",
        "property_grid_excluded_unit_rel",
        "grid_id",
        "unit_id",
        string="Removed Units",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        help="Units of its clusters or buildings that the grid leaves out.",
    )
    unit_ids = fields.One2many("property.unit", "grid_id", string="Units", readonly=True)
    assignment_ids = fields.One2many("property.grid.assignment", "grid_id", string="History")
    unit_count = fields.Integer(compute="_compute_counts")
    occupied_unit_count = fields.Integer(compute="_compute_counts")
    vacant_unit_count = fields.Integer(compute="_compute_counts")
    key_customer_count = fields.Integer(compute="_compute_counts")
    color = fields.Integer()
    note = fields.Html()

    _sql_constraints = [
        (
            "backup_differs",
            "CHECK(backup_butler_id IS NULL OR backup_butler_id != butler_id)",
            "The backup butler must be someone other than the butler.",
        ),
    ]

    @api.depends("unit_ids.state", "unit_ids.key_customer")
    def _compute_counts(self):
        groups = self.env["property.unit"]._read_group(
            [("grid_id", "in", self.ids)], ["grid_id", "state", "key_customer"], ["__count"]
        )
        stats = {}
        for grid, state, key, count in groups:
            grid_stats = stats.setdefault(grid, {"total": 0, "key": 0})
            grid_stats["total"] += count
            grid_stats[state] = grid_stats.get(state, 0) + count
            if key:
                grid_stats["key"] += count
        for grid in self:
            grid_stats = stats.get(grid, {})
            grid.unit_count = grid_stats.get("total", 0)
            grid.occupied_unit_count = grid_stats.get("occupied", 0)
            grid.vacant_unit_count = grid_stats.get("vacant", 0)
            grid.key_customer_count = grid_stats.get("key", 0)

    @api.constrains(
        "cluster_ids", "building_ids", "extra_unit_ids", "excluded_unit_ids", "project_id"
    )
    def _check_same_project(self):
        for grid in self:
            records = [
                *grid.cluster_ids,
                *grid.building_ids,
                *grid.extra_unit_ids,
                *grid.excluded_unit_ids,
            ]
            strays = [rec for rec in records if rec.project_id != grid.project_id]
            if strays:
                raise ValidationError(
                    self.env._(
                        "Grid %(grid)s belongs to project %(project)s, but %(records)s belong to "
                        "another project.",
                        grid=grid.name,
                        project=grid.project_id.name,
                        records=", ".join(rec.display_name for rec in strays[:10]),
                    )
                )

    # ------------------------------------------------------------------
    # Unit membership and history
    # ------------------------------------------------------------------
    def _selected_units(self):
        """Units each active grid selects, as {grid id: set of unit ids}, in two queries."""
        active_grids = self.filtered("active")
        by_cluster, by_building = {}, {}
        for grid in active_grids:
            for cluster_id in grid.cluster_ids.ids:
                by_cluster.setdefault(cluster_id, []).append(grid.id)
            for building_id in grid.building_ids.ids:
                by_building.setdefault(building_id, []).append(grid.id)
        selected = {grid.id: set() for grid in self}
        candidates = self.env["property.unit"].search_fetch(
            [
                "|",
                ("cluster_id", "in", list(by_cluster)),
                ("building_id", "in", list(by_building)),
            ],
            ["cluster_id", "building_id"],
        )
        for unit in candidates:
            grid_ids = set(by_cluster.get(unit.cluster_id.id, ()))
            grid_ids.update(by_building.get(unit.building_id.id, ()))
            for grid_id in grid_ids:
                selected[grid_id].add(unit.id)
        for grid in active_grids:
            selected[grid.id] |= set(grid.extra_unit_ids.filtered("active").ids)
            selected[grid.id] -= set(grid.excluded_unit_ids.ids)
        return selected

    def _sync_units(self):
        """Make each grid's units match its selection and record who owns which unit from now."""
        if not self:
            return
        Unit = self.env["property.unit"]
        selected = self._selected_units()
        claimed = {}
        for grid_id, unit_ids in selected.items():
            for unit_id in unit_ids:
                if unit_id in claimed:
                    raise ValidationError(
                        self.env._(
                            "Unit %(unit)s cannot belong to two grids at once (%(a)s and %(b)s).",
                            unit=Unit.browse(unit_id).code,
                            a=self.browse(claimed[unit_id]).name,
                            b=self.browse(grid_id).name,
                        )
                    )
                claimed[unit_id] = grid_id
        units = Unit.browse(list(claimed))
        taken = units.filtered(lambda u: u.grid_id and u.grid_id.id not in self.ids)
        if taken:
            raise ValidationError(
                self.env._(
                    "A unit belongs to at most one active grid. Already in another grid: %s",
                    ", ".join(f"{u.code} ({u.grid_id.name})" for u in taken[:20]),
                )
            )
        members = Unit.with_context(active_test=False).search([("grid_id", "in", self.ids)])
        released = members.filtered(lambda u: u.id not in claimed)
        moves = {}  # grid id -> ids of the units to move into it
        for unit in units:
            if unit.grid_id.id != claimed[unit.id]:
                moves.setdefault(claimed[unit.id], []).append(unit.id)
        moved = Unit.browse([uid for ids in moves.values() for uid in ids])
        changed = released | moved
        if not changed:
            return
        Assignment = self.env["property.grid.assignment"]
        Assignment._close_open(changed)
        Unit = Unit.with_context(property_grid_sync=True)
        if released:
            released.with_context(property_grid_sync=True).write({"grid_id": False})
        for grid_id, unit_ids in moves.items():
            Unit.browse(unit_ids).write({"grid_id": grid_id})
        Assignment._open_for(moved)

    @api.model_create_multi
    def create(self, vals_list):
        grids = super().create(vals_list)
        grids._sync_units()
        return grids

    def write(self, vals):
        res = super().write(vals)
        if {"active", "cluster_ids", "building_ids", "extra_unit_ids", "excluded_unit_ids"} & set(
            vals
        ):
            self._sync_units()
        if "butler_id" in vals:
            # Reassignment: the previous butler's period ends now, the new one's starts.
            Assignment = self.env["property.grid.assignment"]
            Assignment._close_open(self.unit_ids)
            Assignment._open_for(self.unit_ids)
        return res

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_unit_action"
        )
        action["domain"] = [("grid_id", "=", self.id)]
        action["context"] = {"default_project_id": self.project_id.id}
        return action

    def action_view_assignments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_grid_assignment_action"
        )
        action["domain"] = [("grid_id", "=", self.id)]
        return action
