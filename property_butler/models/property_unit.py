from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from .ir_cron import CronBatch

UNIT_TYPES = [
    ("residential", "Residential"),
    ("commercial", "Commercial"),
    ("parking", "Parking Space"),
    ("storage", "Storage"),
]

UNIT_STATES = [
    ("unsold", "Unsold"),
    ("vacant", "Vacant"),
    ("occupied", "Occupied"),
    ("decorating", "Decorating"),
]


class PropertyUnit(models.Model):
    """A unit, parking space or storage room (單元 / 房號)."""

    _name = "property.unit"
    _description = "Property Unit"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "project_id, building_id, floor, number"
    _rec_name = "code"
    _check_company_auto = True

    code = fields.Char(
        compute="_compute_code",
        store=True,
        index=True,
        help="Full code: cluster, building and unit number, e.g. 3-2-1502.",
    )
    number = fields.Char(required=True, help="Unit number within the building, e.g. 1502.")
    floor = fields.Integer(required=True, default=1, help="Negative for basement levels.")
    active = fields.Boolean(default=True)
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    project_id = fields.Many2one(
        tracking=False, related="building_id.project_id", store=True, index=True, precompute=True
    )
    cluster_id = fields.Many2one(
        tracking=False, related="building_id.cluster_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, index=True, precompute=True
    )
    area = fields.Float(string="Gross Area (m²)", digits=(10, 2), required=True, tracking=True)
    unit_type = fields.Selection(
        UNIT_TYPES, string="Type", required=True, default="residential", tracking=True
    )
    state = fields.Selection(
        UNIT_STATES,
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
        help="Follows occupancy: occupied when someone lives there, vacant when it has an owner "
        "but nobody lives there, unsold when it never had an owner; decorating while a "
        "decoration is in progress.",
    )
    is_decorating = fields.Boolean(
        string="Decoration in Progress",
        tracking=True,
        help="Set while the unit is being decorated: the status shows Decorating whoever lives there.",
    )
    key_customer = fields.Boolean(
        tracking=True,
        help="Key customers (重點客戶) receive documents from their butler in person.",
    )
    mailing_address = fields.Text(
        help="Where to post documents when the owner does not live in the unit.",
    )
    occupancy_ids = fields.One2many("property.occupancy", "unit_id", string="Occupancy History")
    current_occupancy_ids = fields.One2many(
        "property.occupancy",
        compute="_compute_people",
        string="Current Occupancies",
    )
    owner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_people",
        search="_search_owner_ids",
        string="Owners",
    )
    resident_ids = fields.Many2many(
        "res.partner",
        compute="_compute_people",
        search="_search_resident_ids",
        string="Residents",
    )
    billing_partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_people",
        string="Billing Contact",
    )
    grid_id = fields.Many2one(
        "property.grid",
        readonly=True,
        index=True,
        ondelete="set null",
        check_company=True,
        help="Set from the grids: a unit belongs to at most one active grid. The butler history "
        "records every change.",
    )
    butler_id = fields.Many2one(
        tracking=False, related="grid_id.butler_id", store=True, index=True, string="Butler"
    )
    backup_butler_id = fields.Many2one(
        tracking=False, related="grid_id.backup_butler_id", string="Backup Butler"
    )
    butler_phone = fields.Char(
        tracking=False, related="grid_id.butler_id.partner_id.phone", string="Butler Phone"
    )
    assignment_ids = fields.One2many("property.grid.assignment", "unit_id", string="Butler History")
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        (
            "code_project_uniq",
            "unique(code, project_id)",
            "A unit with this code already exists in this project.",
        ),
        ("area_positive", "CHECK(area > 0)", "The gross area of a unit must be greater than zero."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("number", "building_id.unit_code_prefix")
    def _compute_code(self):
        for unit in self:
            number = (unit.number or "").strip()
            prefix = unit.building_id.unit_code_prefix
            unit.code = f"{prefix}-{number}" if prefix and number else number

    @api.depends(
        "is_decorating",
        "occupancy_ids.date_start",
        "occupancy_ids.date_end",
        "occupancy_ids.role",
        "occupancy_ids.resides",
    )
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for unit in self:
            occupancies = unit.occupancy_ids
            current = occupancies.filtered(lambda o: o._is_current(today))
            if unit.is_decorating:
                unit.state = "decorating"
            elif current.filtered("resides"):
                unit.state = "occupied"
            elif occupancies.filtered(lambda o: o.role == "owner" and o.date_start <= today):
                unit.state = "vacant"
            else:
                unit.state = "unsold"

    @api.depends("occupancy_ids.date_start", "occupancy_ids.date_end", "occupancy_ids.role")
    def _compute_people(self):
        today = fields.Date.context_today(self)
        for unit in self:
            current = unit.occupancy_ids.filtered(lambda o: o._is_current(today))
            unit.current_occupancy_ids = current
            unit.owner_ids = current.filtered(lambda o: o.role == "owner").partner_id
            unit.resident_ids = current.filtered("resides").partner_id
            billing = current.filtered("is_billing_contact")[:1]
            unit.billing_partner_id = (
                billing.partner_id or current.filtered(lambda o: o.role == "owner")[:1].partner_id
            )

    def _compute_color(self):
        colors = {"occupied": 10, "vacant": 3, "decorating": 4, "unsold": 0}
        for unit in self:
            unit.color = colors.get(unit.state, 0)

    def _search_people(self, operator, value, extra_domain):
        occupancy_domain = expression.AND(
            [
                self.env["property.occupancy"]._current_domain(),
                extra_domain,
                [("partner_id", operator, value)],
            ]
        )
        return [("occupancy_ids", "any", occupancy_domain)]

    def _search_owner_ids(self, operator, value):
        return self._search_people(operator, value, [("role", "=", "owner")])

    def _search_resident_ids(self, operator, value):
        return self._search_people(operator, value, [("resides", "=", True)])

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("floor", "building_id")
    def _check_floor(self):
        for unit in self:
            building = unit.building_id
            lowest = -building.basement_count
            if unit.floor == 0 or not lowest <= unit.floor <= building.floor_count:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is on floor %(floor)s, but building %(building)s has "
                        "floors 1 to %(top)s and %(basements)s basement level(s).",
                        unit=unit.code or unit.number,
                        floor=unit.floor,
                        building=building.display_name,
                        top=building.floor_count,
                        basements=building.basement_count,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        units._sync_grids()
        return units

    def write(self, vals):
        if (
            {"building_id", "active"} & set(vals)
            and not self.env.su
            and not self.env.user.has_group("property_butler.property_butler_group_manager")
        ):
            raise AccessError(self.env._("Only a property manager can move a unit or archive it."))
        if "grid_id" in vals and not self.env.context.get("property_grid_sync"):
            raise UserError(
                self.env._("A unit joins or leaves a grid from the grid: edit the grid instead.")
            )
        res = super().write(vals)
        if "building_id" in vals or "active" in vals:
            self._sync_grids()
        return res

    def _sync_grids(self):
        """Put new or moved units into the active grid that covers their building or cluster."""
        if not self:
            return
        grids = self.env["property.grid"].search(
            [
                "|",
                "|",
                ("building_ids", "in", self.building_id.ids),
                ("cluster_ids", "in", self.cluster_id.ids),
                ("id", "in", self.grid_id.ids),
            ]
        )
        grids._sync_units()

    # ------------------------------------------------------------------
    # Import and cron
    # ------------------------------------------------------------------
    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Units"),
                "template": "/property_butler/static/csv/property_unit_import_template.csv",
            }
        ]

    @api.model
    def _cron_refresh_state(self, days=7, batch_size=500):
        """Recompute the status of units whose occupancy started or ended recently.

        The status depends on today's date, so a move-in or a move-out dated in the future
        takes effect on that day; the daily cron catches up the last ``days`` days:
        ``batch_size`` occupancies per call of the scheduler, by id.
        """
        today = fields.Date.context_today(self)
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._refresh_state_batch(today, days, batch_size, cursor)
        )

    @api.model
    def _refresh_state_batch(self, today, days, batch_size, cursor):
        """The units of the next ``batch_size`` occupancies after ``cursor`` ([day, last
        occupancy id] of the previous batch of the day's run)."""
        day = fields.Date.to_string(today)
        after = cursor[1] if cursor and cursor[0] == day else 0
        since = fields.Date.subtract(today, days=days)
        occupancies = self.env["property.occupancy"].search(
            [
                ("id", ">", after),
                "|",
                "&",
                ("date_start", ">", since),
                ("date_start", "<=", today),
                "&",
                ("date_end", ">=", since),
                ("date_end", "<", today),
            ],
            order="id",
        )
        batch = occupancies[:batch_size]
        batch._on_move_out()
        units = batch.unit_id
        self.env.add_to_compute(self._fields["state"], units)
        units.flush_recordset(["state"])
        return CronBatch(units, len(batch), len(occupancies) - len(batch), [day, batch[-1:].id])

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_occupancies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler.property_occupancy_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id, "search_default_filter_current": 0}
        return action
