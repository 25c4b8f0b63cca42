from odoo import api, fields, models


class PropertyCluster(models.Model):
    """A group of buildings inside a project (組團)."""

    _name = "property.cluster"
    _description = "Property Cluster"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "project_id, sequence, code"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        help="Short code, the first part of the unit codes of its buildings (e.g. 3 in 3-2-1502).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    building_ids = fields.One2many("property.building", "cluster_id", string="Buildings")
    unit_ids = fields.One2many("property.unit", "cluster_id", string="Units")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    color = fields.Integer()

    _sql_constraints = [
        (
            "code_project_uniq",
            "unique(code, project_id)",
            "A cluster with this code already exists in this project.",
        ),
    ]

    @api.depends("building_ids", "unit_ids")
    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("cluster_id", "in", self.ids)], ["cluster_id"], ["__count"]
            )
        )
        units = dict(
            self.env["property.unit"]._read_group(
                [("cluster_id", "in", self.ids)], ["cluster_id"], ["__count"]
            )
        )
        for cluster in self:
            cluster.building_count = buildings.get(cluster, 0)
            cluster.unit_count = units.get(cluster, 0)

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for cluster in self:
            cluster.display_name = (
                f"{cluster.project_id.name} / {cluster.name}"
                if cluster.project_id
                else cluster.name
            )

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_unit_action"
        )
        action["domain"] = [("cluster_id", "=", self.id)]
        action["context"] = {"default_project_id": self.project_id.id}
        return action
