from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError

STATE_CSS = {
    "occupied": "text-bg-success",
    "vacant": "text-bg-warning",
    "decorating": "text-bg-info",
    "unsold": "text-bg-light",
}


class PropertyBuilding(models.Model):
    """A building (樓棟)."""

    _name = "property.building"
    _description = "Property Building"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "project_id, unit_code_prefix"
    _rec_name = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        help="Building number; with the cluster code it prefixes the unit codes (e.g. 3-2).",
    )
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=False)
    unit_code_prefix = fields.Char(
        compute="_compute_unit_code_prefix",
        store=True,
        help="Prefix of the unit codes of this building: cluster code and building code.",
    )
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    cluster_id = fields.Many2one(
        "property.cluster",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    floor_count = fields.Integer(string="Floors", default=1, required=True, tracking=True)
    basement_count = fields.Integer(
        string="Basement Levels",
        default=0,
        help="Underground levels, numbered -1, -2, ... (parking spaces, storage).",
    )
    units_per_floor = fields.Integer(default=2, required=True)
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")
    floor_plan_html = fields.Html(
        string="Units Floor by Floor",
        compute="_compute_floor_plan_html",
        sanitize=False,
    )
    color = fields.Integer()

    _sql_constraints = [
        (
            "prefix_project_uniq",
            "unique(unit_code_prefix, project_id)",
            "A building with this code already exists in this cluster of the project.",
        ),
        (
            "floor_count_positive",
            "CHECK(floor_count > 0)",
            "A building has at least one floor.",
        ),
        (
            "basement_count_positive",
            "CHECK(basement_count >= 0)",
            "The number of basement levels cannot be negative.",
        ),
        (
            "units_per_floor_positive",
            "CHECK(units_per_floor > 0)",
            "A building has at least one unit per floor.",
        ),
    ]

    @api.depends("code", "cluster_id.code")
    def _compute_unit_code_prefix(self):
        for building in self:
            parts = [building.cluster_id.code, building.code]
            building.unit_code_prefix = "-".join(p.strip() for p in parts if p)

    @api.depends("name", "project_id.name", "cluster_id.name")
    def _compute_complete_name(self):
        for building in self:
            parts = [building.project_id.name, building.cluster_id.name, building.name]
            building.complete_name = " / ".join(p for p in parts if p)

    @api.depends("unit_ids")
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.constrains("cluster_id", "project_id")
    def _check_cluster_project(self):
        for building in self:
            if building.cluster_id and building.cluster_id.project_id != building.project_id:
                raise ValidationError(
                    self.env._(
                        "Building %(building)s and its cluster %(cluster)s must belong to "
                        "the same project.",
                        building=building.name,
                        cluster=building.cluster_id.name,
                    )
                )

    @api.constrains("floor_count", "basement_count")
    def _check_units_within_floors(self):
        units = self.env["property.unit"].search(
            [("building_id", "in", self.ids)], order="building_id, floor"
        )
        units._check_floor()

    @api.depends(
        "unit_ids.floor", "unit_ids.number", "unit_ids.state", "unit_ids.unit_type", "unit_ids.area"
    )
    def _compute_floor_plan_html(self):
        state_labels = dict(
            self.env["property.unit"]._fields["state"]._description_selection(self.env)
        )
        for building in self:
            floors = {}
            for unit in building.unit_ids:
                floors.setdefault(unit.floor, []).append(unit)
            if not floors:
                building.floor_plan_html = Markup("<p class='text-muted'>%s</p>") % self.env._(
                    "No units yet: use Generate Units or import them."
                )
                continue
            rows = []
            for floor in sorted(floors, reverse=True):
                cells = Markup("").join(
                    Markup(
                        "<span class='badge %s me-1 mb-1 p-2' title='%s'>%s<br/><small>%s m²</small></span>"
                    )
                    % (
                        STATE_CSS.get(unit.state, "text-bg-light"),
                        state_labels.get(unit.state, ""),
                        unit.number,
                        f"{unit.area:.2f}",
                    )
                    for unit in sorted(floors[floor], key=lambda u: u.number or "")
                )
                rows.append(
                    Markup(
                        "<tr><th class='text-end text-nowrap pe-3 align-middle'>%s</th><td>%s</td></tr>"
                    )
                    % (self.env._("Floor %s", floor), cells)
                )
            legend = Markup("").join(
                Markup("<span class='badge %s me-2'>%s</span>") % (css, escape(state_labels[state]))
                for state, css in STATE_CSS.items()
            )
            building.floor_plan_html = Markup(
                "<div class='mb-2'>%s</div><table class='table table-sm'><tbody>%s</tbody></table>"
            ) % (legend, Markup("").join(rows))

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {
            "default_building_id": self.id,
            "default_project_id": self.project_id.id,
            "group_by": ["floor"],
        }
        return action

    def action_generate_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_unit_generate_action"
        )
        action["context"] = {"default_building_id": self.id}
        return action
