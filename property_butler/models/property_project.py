from datetime import datetime, time

import pytz

from odoo import api, fields, models

# The time zone of the company's estates (China) where nothing else tells.
DEFAULT_TZ = "Asia/Shanghai"


# Local times of an estate: the time zone a schedule's times are given in (a patrol plan's,
# a decoration permit's), and the conversions between them and the stored UTC datetimes.
def tz_selection(_records):
    """The choices of a time zone field."""
    return [(tz, tz) for tz in pytz.common_timezones]


def default_tz(records):
    """The default of a time zone field: the user's time zone, else the estates'."""
    return records.env.user.tz or DEFAULT_TZ


def utc_to_local(value, tz):
    """``value`` (naive UTC) in the time zone ``tz`` (else the estates')."""
    return pytz.utc.localize(value).astimezone(pytz.timezone(tz or DEFAULT_TZ))


def local_to_utc(day, hour, tz):
    """``hour`` (a number of hours: 20.5 is 20:30) of ``day`` in the time zone ``tz`` (else
    the estates'), as a naive UTC datetime."""
    hours, minutes = divmod(round(hour * 60), 60)
    local = pytz.timezone(tz or DEFAULT_TZ).localize(datetime.combine(day, time(hours, minutes)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


class PropertyProject(models.Model):
    """A managed estate (管理處 / 小區)."""

    _name = "property.project"
    _description = "Property Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        help="Short code of the estate, used in document numbers.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Property Manager",
        check_company=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Customer Service Supervisor",
        check_company=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Receives escalations: overdue tickets and low satisfaction scores.",
    )
    phone = fields.Char(string="Service-Centre Phone", tracking=True)
    email = fields.Char(string="Service-Centre Email")
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one("res.country.state", string="Province", ondelete="restrict")
    country_id = fields.Many2one("res.country", ondelete="restrict")
    cluster_ids = fields.One2many("property.cluster", "project_id", string="Clusters")
    building_ids = fields.One2many("property.building", "project_id", string="Buildings")
    unit_ids = fields.One2many("property.unit", "project_id", string="Units")
    grid_ids = fields.One2many("property.grid", "project_id", string="Grids")
    cluster_count = fields.Integer(compute="_compute_counts")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    occupied_unit_count = fields.Integer(compute="_compute_counts")
    vacant_unit_count = fields.Integer(compute="_compute_counts")
    grid_count = fields.Integer(compute="_compute_counts")
    occupancy_rate = fields.Float(compute="_compute_counts", string="Occupancy Rate (%)")
    color = fields.Integer()
    note = fields.Html()

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The project code must be unique per company.",
        ),
    ]

    @api.depends("cluster_ids", "building_ids", "unit_ids.state", "grid_ids")
    def _compute_counts(self):
        counts = {}
        for model, field in (
            ("property.cluster", "cluster_count"),
            ("property.building", "building_count"),
            ("property.grid", "grid_count"),
        ):
            counts[field] = dict(
                self.env[model]._read_group(
                    [("project_id", "in", self.ids)], ["project_id"], ["__count"]
                )
            )
        unit_groups = self.env["property.unit"]._read_group(
            [("project_id", "in", self.ids)], ["project_id", "state"], ["__count"]
        )
        units = {}
        for project, state, count in unit_groups:
            units.setdefault(project, {})[state] = count
        for project in self:
            project.cluster_count = counts["cluster_count"].get(project, 0)
            project.building_count = counts["building_count"].get(project, 0)
            project.grid_count = counts["grid_count"].get(project, 0)
            by_state = units.get(project, {})
            total = sum(by_state.values())
            project.unit_count = total
            project.occupied_unit_count = by_state.get("occupied", 0)
            project.vacant_unit_count = by_state.get("vacant", 0)
            project.occupancy_rate = 100.0 * by_state.get("occupied", 0) / total if total else 0.0

    @api.model
    def _project_of(self, user):
        """The project a person works for, to fill in a new record: that of their grid, else
        one they supervise or manage, else their company's only project (none when there are
        several: they choose)."""
        grid = self.env["property.grid"].search(
            ["|", ("butler_id", "=", user.id), ("backup_butler_id", "=", user.id)], limit=1
        )
        if grid:
            return grid.project_id
        led = self.search(
            ["|", ("supervisor_id", "=", user.id), ("manager_id", "=", user.id)], limit=1
        )
        if led:
            return led
        projects = self.search([("company_id", "in", user.company_id.ids)], limit=2)
        return projects if len(projects) == 1 else self.browse()

    @api.model
    def _default_for_user(self):
        """Default of a record's project: the current user's (see ``_project_of``)."""
        return self._project_of(self.env.user)

    def _get_escalation_user(self):
        """Who receives escalations: the project's supervisor, else its manager."""
        self.ensure_one()
        return self.supervisor_id or self.manager_id

    def _action_open_related(self, xmlid, extra_context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = dict({"default_project_id": self.id}, **(extra_context or {}))
        return action

    def action_view_clusters(self):
        return self._action_open_related("property_butler.property_cluster_action")

    def action_view_buildings(self):
        return self._action_open_related("property_butler.property_building_action")

    def action_view_units(self):
        return self._action_open_related("property_butler.property_unit_action")

    def action_view_grids(self):
        return self._action_open_related("property_butler.property_grid_action")
