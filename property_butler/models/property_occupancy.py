from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ROLES = [
    ("owner", "Owner"),
    ("tenant", "Tenant"),
    ("member", "Household Member"),
]

# Changing these would rewrite history: end the occupancy and register a new one instead.
IMMUTABLE_FIELDS = ("unit_id", "partner_id", "role", "date_start")


class PropertyOccupancy(models.Model):
    """Who owns, rents or lives in a unit, and when (入住 / 遷出)."""

    _name = "property.occupancy"
    _description = "Unit Occupancy"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    role = fields.Selection(ROLES, required=True, default="owner", tracking=True)
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True, help="Move-out date, inclusive.")
    resides = fields.Boolean(
        string="Lives There",
        compute="_compute_resides",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Unset for an owner who does not live in the unit: the unit then shows as vacant "
        "and documents go to its mailing address.",
    )
    is_billing_contact = fields.Boolean(
        string="Billing Contact",
        tracking=True,
        help="Receives the unit's statements and invoices. At most one per unit at a time.",
    )
    state = fields.Selection(
        [("future", "Future"), ("current", "Current"), ("ended", "Ended")],
        compute="_compute_state",
        search="_search_state",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    building_id = fields.Many2one(tracking=False, related="unit_id.building_id", store=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    butler_id = fields.Many2one(related="unit_id.butler_id", string="Butler")
    # The contact's details, for those who may read the contact (not related fields: those
    # are read as superuser).
    phone = fields.Char(compute="_compute_contact", compute_sudo=False)
    mobile = fields.Char(compute="_compute_contact", compute_sudo=False)
    email = fields.Char(compute="_compute_contact", compute_sudo=False)
    note = fields.Text()

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "An occupancy cannot end before it starts.",
        ),
    ]

    @api.depends("partner_id.phone", "partner_id.mobile", "partner_id.email")
    @api.depends_context("uid")
    def _compute_contact(self):
        readable = self.partner_id._property_readable()
        for occupancy in self:
            partner = occupancy.partner_id & readable
            occupancy.phone = partner.phone
            occupancy.mobile = partner.mobile
            occupancy.email = partner.email

    @api.depends("role")
    def _compute_resides(self):
        # Everybody lives there by default; staff untick it for an owner who lives elsewhere.
        for occupancy in self:
            occupancy.resides = True

    def _is_current(self, day):
        self.ensure_one()
        return self.date_start <= day and (not self.date_end or self.date_end >= day)

    @api.model
    def _current_domain(self, day=None):
        day = day or fields.Date.context_today(self)
        return [
            ("date_start", "<=", day),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", day),
        ]

    @api.model
    def _homes_by_project(self, partners):
        """The flats and shops where each contact has an occupancy without end, per (contact
        id, project id), looked up as the system: whoever records something for a contact
        (the front desk reads no occupancy outside its estate's register) finds their home."""
        occupancies = self.sudo().search(
            [
                ("partner_id", "in", partners.ids),
                ("unit_id.unit_type", "in", ("residential", "commercial")),
                ("date_end", "=", False),
            ]
        )
        homes = {}
        for occupancy in occupancies:
            key = (occupancy.partner_id.id, occupancy.unit_id.project_id.id)
            homes[key] = homes.get(key, occupancy.unit_id.browse()) | occupancy.unit_id
        return homes

    def _compute_state(self):
        today = fields.Date.context_today(self)
        for occupancy in self:
            if occupancy.date_start and occupancy.date_start > today:
                occupancy.state = "future"
            elif occupancy.date_end and occupancy.date_end < today:
                occupancy.state = "ended"
            else:
                occupancy.state = "current"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on occupancy status."))
        today = fields.Date.context_today(self)
        domains = {
            "future": [("date_start", ">", today)],
            "current": self._current_domain(today),
            "ended": [("date_end", "<", today)],
        }
        values = [value] if isinstance(value, str) else list(value)
        domain = ["|"] * (len(values) - 1)
        for val in values:
            domain += domains[val]
        if operator in ("!=", "not in"):
            domain = ["!", *domain]
        return domain

    @api.depends("unit_id.code", "partner_id.name", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for occupancy in self:
            name = " · ".join(p for p in (occupancy.unit_id.code, occupancy.partner_id.name) if p)
            if name and occupancy.role:
                name = f"{name} ({roles.get(occupancy.role)})"
            occupancy.display_name = name or self.env._("New")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("unit_id", "partner_id", "role", "date_start", "date_end", "is_billing_contact")
    def _check_overlaps(self):
        """No contact twice in the same role at the same time, one billing contact at a time."""
        by_unit = {}
        for other in self.search([("unit_id", "in", self.unit_id.ids)]):
            by_unit.setdefault(other.unit_id.id, []).append(other)
        for occupancy in self:
            for other in by_unit.get(occupancy.unit_id.id, []):
                if other == occupancy or not occupancy._overlaps(other):
                    continue
                if other.partner_id == occupancy.partner_id and other.role == occupancy.role:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is already registered as %(role)s of unit %(unit)s "
                            "for an overlapping period.",
                            partner=occupancy.partner_id.display_name,
                            role=dict(self._fields["role"]._description_selection(self.env))[
                                occupancy.role
                            ],
                            unit=occupancy.unit_id.code,
                        )
                    )
                if occupancy.is_billing_contact and other.is_billing_contact:
                    raise ValidationError(
                        self.env._(
                            "Unit %(unit)s already has a billing contact (%(other)s) for an "
                            "overlapping period: end that occupancy or clear its billing flag first.",
                            unit=occupancy.unit_id.code,
                            other=other.partner_id.display_name,
                        )
                    )

    def _overlaps(self, other):
        far = fields.Date.to_date("9999-12-31")
        return self.date_start <= (other.date_end or far) and other.date_start <= (
            self.date_end or far
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # A contact who comes to occupy a unit of another company is shared by both companies
        # (no company) before the company check of partner_id runs.
        units = self.env["property.unit"].browse(
            {v["unit_id"] for v in vals_list if v.get("unit_id")}
        )
        partners = self.env["res.partner"].browse(
            {v["partner_id"] for v in vals_list if v.get("partner_id")}
        )
        company_of_unit = {unit.id: unit.company_id for unit in units.sudo()}
        partners.sudo().filtered("company_id").filtered(
            lambda p: any(
                company_of_unit.get(v.get("unit_id")) not in (None, p.company_id)
                for v in vals_list
                if v.get("partner_id") == p.id
            )
        ).write({"company_id": False})
        occupancies = super().create(vals_list)
        occupancies.partner_id._property_sync_company()
        return occupancies

    def unlink(self):
        partners = self.partner_id
        res = super().unlink()
        partners.exists()._property_sync_company()
        return res

    def write(self, vals):
        changed = [
            name
            for name in IMMUTABLE_FIELDS
            if name in vals
            and any(
                self._fields[name].convert_to_cache(occ[name], occ)
                != self._fields[name].convert_to_cache(vals[name], occ)
                for occ in self
            )
        ]
        if changed:
            raise UserError(
                self.env._(
                    "The occupancy history is kept, never overwritten: to change %(fields)s, "
                    "end this occupancy and register a new one.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in changed
                    ),
                )
            )
        if "date_end" in vals:
            self._check_reopening(vals["date_end"])
        res = super().write(vals)
        if "date_end" in vals:
            self._on_move_out()
        return res

    def _check_reopening(self, date_end):
        """An occupancy that has ended stays ended, except for a property manager's correction."""
        if self.env.su or self.env.user.has_group("property_butler.property_butler_group_manager"):
            return
        today = fields.Date.context_today(self)
        new_end = fields.Date.to_date(date_end)
        ended = self.filtered(
            lambda o: o.date_end and o.date_end < today and (not new_end or new_end > o.date_end)
        )
        if ended:
            raise UserError(
                self.env._(
                    "%s has ended: only a property manager can reopen or extend it; register a "
                    "new occupancy instead.",
                    ", ".join(ended.mapped("display_name")),
                )
            )

    def _on_move_out(self):
        """Called once occupancies have an end date: a hook for the addons of the suite to act
        on the people who moved out (the ticket addon stops their following of the unit's
        tickets and renews the tickets' access tokens)."""

    def action_end_today(self):
        """Move out: the occupancy ends today (it stays in the history)."""
        today = fields.Date.context_today(self)
        future = self.filtered(lambda o: o.date_start > today)
        if future:
            raise UserError(
                self.env._(
                    "An occupancy that has not started yet cannot end today; delete it instead: %s",
                    ", ".join(future.mapped("display_name")),
                )
            )
        self.filtered(lambda o: not o.date_end or o.date_end > today).write({"date_end": today})
        return True
