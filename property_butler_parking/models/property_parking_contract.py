import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler_profile.models.property_household_vehicle import (
    PLATE,
    normalize_plate,
)

from odoo.addons.property_butler.models.ir_cron import CronBatch

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("expired", "Expired"),
    ("ended", "Ended"),
]
PAYMENT_PERIODS = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("yearly", "Yearly"),
]
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
# Days before the end of a contract when the person responsible is reminded.
REMINDER_DAYS = 30
REMINDER_ACTIVITY = "property_butler_parking.mail_activity_data_parking_expiry"
FEE_TYPE = "property_butler_parking.property_fee_type_parking_rental"
ONE_DAY = relativedelta(days=1)
# What a signed contract is billed on: fixed once it is active (its end may still move).
BILLED_TERMS = {
    "partner_id",
    "space_id",
    "fee_type_id",
    "date_start",
    "monthly_rate",
    "payment_period",
}


def split_plates(plates):
    """The plates of a contract as written (separated by commas, semicolons or spaces),
    normalised as the vehicle register stores them."""
    parts = re.split(r"[,，;；、/\n]+", plates or "")
    return [normalize_plate(part) for part in parts if part.strip()]


def months_of(first, last):
    """How many months [first, last] is, whole months counted from ``first`` and the rest by
    day of the month it falls in: 2026-01-15..2026-04-14 is 3, 2026-01-01..2026-01-15 is 15/31."""
    after = last + ONE_DAY
    months = 0
    while first + relativedelta(months=months + 1) <= after:
        months += 1
    rest_start = first + relativedelta(months=months)
    rest_days = (after - rest_start).days
    if not rest_days:
        return months
    month_days = ((rest_start + relativedelta(months=1)) - rest_start).days
    return months + rest_days / month_days


class PropertyParkingContract(models.Model):
    """A parking space rented to a resident or an outsider (機動車位出租): the tenant, their
    plates, the term, the monthly rate paid monthly, quarterly or yearly in advance, and the
    deposit. Active contracts are billed by the monthly billing run, one line per period on the
    tenant's statement at the contract's rate."""

    _name = "property.parking.contract"
    _description = "Parking Rental Contract"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.company.mixin",
        "property.client.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    space_id = fields.Many2one(
        "property.unit",
        string="Parking Space",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('unit_type', '=', 'parking')]",
    )
    project_id = fields.Many2one(related="space_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="space_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Tenant",
        required=True,
        index=True,
        tracking=True,
        help="Who rents the space and is billed for it: a resident or an outsider.",
    )
    household_id = fields.Many2one(
        "property.household",
        compute="_compute_household_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        help="The tenant's household when they live in the estate: the contract's plates are "
        "in its vehicle register.",
    )
    grid_id = fields.Many2one(
        "property.grid",
        compute="_compute_grid_id",
        store=True,
        index=True,
        help="The grid of the tenant's household, else of the parking space.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Who is reminded before the contract ends and offers the space to the waiting list.",
    )
    vehicle_ids = fields.Many2many(
        "property.household.vehicle",
        string="Registered Vehicles",
        check_company=True,
        domain="[('household_id', '=', household_id)]",
        help="Pick the plates from the household's vehicle register.",
    )
    plates = fields.Char(
        required=True,
        tracking=True,
        help="Plate numbers allowed in the space, separated by commas, e.g. 粤A·12345, 粤B·D12345.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True, help="Inclusive.")
    payment_period = fields.Selection(
        PAYMENT_PERIODS,
        required=True,
        default="monthly",
        tracking=True,
        help="Paid in advance for the period: each period is billed by the billing run of the "
        "month it starts in.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    monthly_rate = fields.Monetary(required=True, tracking=True)
    period_amount = fields.Monetary(
        compute="_compute_period_amount", help="What one period paid in advance costs."
    )
    deposit = fields.Monetary(
        tracking=True, help="The deposit received when the contract was signed."
    )
    fee_type_id = fields.Many2one(
        "property.fee.type",
        string="Fee",
        required=True,
        check_company=True,
        default=lambda self: self.env.ref(FEE_TYPE, raise_if_not_found=False),
        domain="[('computation', '=', 'parking_contract')]",
    )
    state = fields.Selection(
        CONTRACT_STATES, string="Status", required=True, default="draft", tracking=True, index=True
    )
    reminder_date = fields.Date(
        readonly=True, copy=False, help="When the person responsible was reminded of the end."
    )
    previous_id = fields.Many2one(
        "property.parking.contract",
        string="Renews",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    renewal_ids = fields.One2many("property.parking.contract", "previous_id", string="Renewals")
    waitlist_id = fields.Many2one(
        "property.parking.waitlist",
        string="Waiting List Entry",
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    note = fields.Html()

    _sql_constraints = [
        ("term_valid", "CHECK(date_end >= date_start)", "A contract ends on or after its start."),
        ("rate_positive", "CHECK(monthly_rate > 0)", "The monthly rate must be greater than zero."),
        ("deposit_positive", "CHECK(deposit >= 0)", "The deposit cannot be negative."),
    ]

    @api.depends("partner_id", "project_id")
    def _compute_household_id(self):
        """The tenant's household in the estate, whoever records the contract (the front desk
        reads no occupancy outside its estate's register): looked up as the system."""
        homes = self.env["property.occupancy"]._homes_by_project(self.partner_id)
        units = self.env["property.unit"].sudo().concat(*homes.values())
        households = self.env["property.household"].sudo().search([("unit_id", "in", units.ids)])
        by_unit = {household.unit_id: household for household in households}
        for contract in self:
            home = homes.get((contract.partner_id.id, contract.project_id.id), units.browse())
            household = next((by_unit[unit] for unit in home if unit in by_unit), None)
            contract.household_id = household.id if household else False

    @api.depends("household_id.grid_id", "space_id.grid_id")
    def _compute_grid_id(self):
        for contract in self:
            place = contract.sudo()
            contract.grid_id = (place.household_id.grid_id or place.space_id.grid_id).id

    @api.depends("monthly_rate", "payment_period")
    def _compute_period_amount(self):
        for contract in self:
            contract.period_amount = contract.monthly_rate * PERIOD_MONTHS[contract.payment_period]

    @api.onchange("vehicle_ids")
    def _onchange_vehicle_ids(self):
        picked = self.vehicle_ids.mapped("plate")
        if picked:
            known = split_plates(self.plates)
            self.plates = ", ".join(known + [plate for plate in picked if plate not in known])

    @api.onchange("date_start", "payment_period")
    def _onchange_date_start(self):
        if self.date_start and not self.date_end:
            self.date_end = self.date_start + relativedelta(years=1) - ONE_DAY

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    @api.model
    def _normalize_plates(self, plates):
        normalized = split_plates(plates)
        bad = [plate for plate in normalized if not PLATE.match(plate)]
        if bad or not normalized:
            raise ValidationError(
                self.env._(
                    "%(plates)s is not a plate number such as 粤A·12345 (separate several plates "
                    "with commas).",
                    plates=", ".join(bad) or plates or "",
                )
            )
        return ", ".join(dict.fromkeys(normalized))

    @api.constrains("space_id")
    def _check_space_type(self):
        for contract in self:
            if contract.space_id.unit_type != "parking":
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not a parking space: only parking spaces are rented.",
                        unit=contract.space_id.display_name,
                    )
                )

    @api.constrains("household_id", "partner_id", "vehicle_ids")
    def _check_household(self):
        """The household is the tenant's own (its plates go to that register), and so are the
        vehicles picked from its register."""
        for contract in self.sudo():
            if contract.vehicle_ids.household_id - contract.household_id:
                raise ValidationError(
                    self.env._(
                        "Pick the vehicles of the tenant's household only (%(plates)s).",
                        plates=", ".join(contract.vehicle_ids.mapped("plate")),
                    )
                )
        with_household = self.filtered("household_id")
        if not with_household:
            return
        occupancies = (
            self.env["property.occupancy"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", with_household.household_id.unit_id.ids),
                    ("partner_id", "in", with_household.partner_id.ids),
                    ("date_end", "=", False),
                ]
            )
        )
        living = {(o.unit_id.id, o.partner_id.id) for o in occupancies}
        for contract in with_household:
            if (contract.household_id.sudo().unit_id.id, contract.partner_id.id) not in living:
                raise ValidationError(
                    self.env._(
                        "%(tenant)s does not live in %(household)s: a contract's household is "
                        "the tenant's own.",
                        tenant=contract.partner_id.display_name,
                        household=contract.household_id.sudo().display_name,
                    )
                )

    @api.constrains("space_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        """One contract per space and day: two at once (by hand, two users) wait for each
        other on the space's row."""
        self.flush_model(["space_id", "date_start", "date_end", "state"])
        self.env.cr.execute(
            "SELECT id FROM property_unit WHERE id = ANY(%s) FOR UPDATE", [self.space_id.ids]
        )
        others = self.sudo().search(
            [
                ("space_id", "in", self.space_id.ids),
                ("id", "not in", self.ids),
                ("date_start", "<=", max(self.mapped("date_end"))),
                ("date_end", ">=", min(self.mapped("date_start"))),
            ]
        )
        everything = others | self.sudo()
        for contract in self:
            clash = everything.filtered(
                lambda o, c=contract: (
                    o != c
                    and o.space_id == c.space_id
                    and o.date_start <= c.date_end
                    and o.date_end >= c.date_start
                )
            )[:1]
            if clash:
                raise ValidationError(
                    self.env._(
                        "Parking space %(space)s is already rented from %(start)s to %(end)s "
                        "(%(contract)s): a contract cannot overlap another on the same space.",
                        space=contract.space_id.display_name,
                        start=clash.date_start,
                        end=clash.date_end,
                        contract=clash.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("A contract is created as a draft: activate it with its button.")
                )
            vals["plates"] = self._normalize_plates(vals.get("plates"))
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.parking.contract") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "state" in vals:
            raise UserError(self.env._("The status of a contract changes with its buttons only."))
        if "plates" in vals:
            vals["plates"] = self._normalize_plates(vals["plates"])
        if set(vals) & BILLED_TERMS and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "The tenant, space, fee, start, rate and payment period of a signed contract "
                    "are what it is billed on: end it and sign a new one instead."
                )
            )
        spaces = self.space_id
        result = super().write(vals)
        if "date_end" in vals:
            (spaces | self.space_id).sudo()._property_mark_prepaid_check()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("Only a draft contract can be deleted: end an active one instead.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_activate(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._("Contract %(contract)s is not a draft.", contract=contract.name)
                )
        self.check_access("write")
        self.sudo().write({"state": "active"})
        self._register_vehicles()
        self.waitlist_id.filtered(lambda w: w.state in ("waiting", "offered")).sudo().write(
            {"state": "done", "space_id": False}
        )
        return True

    def _register_vehicles(self):
        """Add a resident tenant's plates missing from the household's vehicle register."""
        vals_list = []
        for contract in self.filtered("household_id"):
            known = set(contract.household_id.vehicle_ids.mapped("plate"))
            vals_list += [
                {
                    "household_id": contract.household_id.id,
                    "plate": plate,
                    "description": self.env._(
                        "Parking contract %(contract)s", contract=contract.name
                    ),
                }
                for plate in split_plates(contract.plates)
                if plate not in known
            ]
        if vals_list:
            # The front desk reads the register only: the plates were checked, the household is
            # the contract's.
            self.env["property.household.vehicle"].sudo().create(vals_list)

    def action_end(self):
        """End the contract today (or at its end if that is sooner): the days after, paid in
        advance, are credited by the prepaid-credit job; the space is offered to the waiting
        list when nothing follows."""
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state not in ("active", "draft"):
                raise UserError(
                    self.env._("Contract %(contract)s is not running.", contract=contract.name)
                )
            vals = {"state": "ended"}
            if contract.date_end > today:
                vals["date_end"] = max(today, contract.date_start)
            contract.check_access("write")
            contract.sudo().write(vals)
        self._offer_freed_spaces()
        return True

    def action_reset_draft(self):
        """An ended contract never billed (signed by mistake) goes back to draft."""
        self.check_access("write")
        for contract in self:
            if contract.state != "ended" or contract._is_billed():
                raise UserError(
                    self.env._(
                        "Only an ended contract that was never billed can go back to draft: "
                        "%(contract)s was billed.",
                        contract=contract.name,
                    )
                    if contract.state == "ended"
                    else self.env._(
                        "Contract %(contract)s has not ended: end it first.",
                        contract=contract.name,
                    )
                )
        self.sudo().write({"state": "draft"})
        return True

    def _is_billed(self):
        self.ensure_one()
        return bool(
            self.env["account.move.line"]
            .sudo()
            .search_count(
                [
                    ("property_parking_contract_id", "=", self.id),
                    ("parent_state", "!=", "cancel"),
                ],
                limit=1,
            )
        )

    def action_renew(self):
        """A follow-on draft contract from the day after the end, for as long again."""
        self.ensure_one()
        if self.state not in ("active", "expired"):
            raise UserError(self.env._("Only an active or expired contract can be renewed."))
        if self.renewal_ids:
            raise UserError(
                self.env._(
                    "Contract %(contract)s is already renewed by %(renewal)s.",
                    contract=self.name,
                    renewal=self.renewal_ids[:1].name,
                )
            )
        start = self.date_end + ONE_DAY
        term = relativedelta(self.date_end + ONE_DAY, self.date_start)
        end = start + term - ONE_DAY
        if end < start:
            end = start + relativedelta(years=1) - ONE_DAY
        renewal = self.copy(
            {
                "previous_id": self.id,
                "date_start": start,
                "date_end": end,
                "state": "draft",
                "user_id": self.user_id.id,
                "vehicle_ids": [fields.Command.set(self.vehicle_ids.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": renewal.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Waiting list
    # ------------------------------------------------------------------
    def _offer_freed_spaces(self):
        """The spaces of these contracts that nothing rents from today on go to the first in
        line of their project's waiting list."""
        today = fields.Date.context_today(self)
        spaces = self.space_id
        if not spaces:
            return self.env["property.parking.waitlist"]
        taken = self.sudo().search(
            [
                ("space_id", "in", spaces.ids),
                ("state", "in", ("draft", "active")),
                ("date_end", ">", today),
            ]
        )
        Waitlist = self.env["property.parking.waitlist"].sudo()
        offered = Waitlist.search(
            [("space_id", "in", spaces.ids), ("state", "=", "offered")]
        ).space_id
        free = spaces.sudo() - taken.space_id - offered
        return Waitlist._offer_spaces(free)

    # ------------------------------------------------------------------
    # Daily job: expiry reminders, expiry
    # ------------------------------------------------------------------
    @api.model
    def _cron_parking_contracts(self, batch_size=200):
        """Remind the person responsible 30 days before a contract ends (once), mark contracts
        past their end as expired and offer their spaces to the waiting list."""
        today = fields.Date.context_today(self)
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._parking_contract_batch(today, batch_size)
        )

    @api.model
    def _parking_contract_batch(self, today, batch_size):
        to_remind = [
            ("state", "=", "active"),
            ("reminder_date", "=", False),
            ("date_end", "<=", today + relativedelta(days=REMINDER_DAYS)),
        ]
        to_expire = [("state", "=", "active"), ("date_end", "<", today)]
        remind = self.search(to_remind, limit=batch_size, order="id")
        self.env.cr.execute(
            "SELECT id FROM property_parking_contract WHERE id = ANY(%s) FOR UPDATE SKIP LOCKED",
            [remind.ids],
        )
        remind = self.browse(row[0] for row in self.env.cr.fetchall())
        remind._remind_expiry(today)
        expire = self.browse()
        room = batch_size - len(remind)
        if room > 0:
            # (limit=0 would be no limit at all: the batch is full.)
            expire = self.search(to_expire, limit=room, order="id")
            self.env.cr.execute(
                "SELECT id FROM property_parking_contract WHERE id = ANY(%s) AND state = 'active' "
                "FOR UPDATE SKIP LOCKED",
                [expire.ids],
            )
            expire = self.browse(row[0] for row in self.env.cr.fetchall())
        if expire:
            expire.sudo().write({"state": "expired"})
            expire._offer_freed_spaces()
        done = len(remind) + len(expire)
        remaining = self.search_count(to_remind) + self.search_count(to_expire)
        return CronBatch(remind | expire, done, remaining)

    def _remind_expiry(self, today):
        activity_type = self.env.ref(REMINDER_ACTIVITY)
        model = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for contract in self:
            user = contract.user_id or contract.grid_id.butler_id or self.env.user
            vals_list.append(
                {
                    "res_model_id": model,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": contract.date_end,
                    "summary": self.env._(
                        "Parking contract %(contract)s of %(tenant)s ends on %(end)s: renew it "
                        "or offer the space to the waiting list.",
                        contract=contract.name,
                        tenant=contract.partner_id.name,
                        end=contract.date_end,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)
        self.write({"reminder_date": today})

    # ------------------------------------------------------------------
    # Billing
    # ------------------------------------------------------------------
    def _periods(self):
        """The contract's periods paid in advance: (first day, last day), from its start."""
        self.ensure_one()
        months = PERIOD_MONTHS[self.payment_period]
        periods, index = [], 0
        while True:
            first = self.date_start + relativedelta(months=index * months)
            if first > self.date_end:
                return periods
            last = self.date_start + relativedelta(months=(index + 1) * months) - ONE_DAY
            periods.append((first, min(last, self.date_end)))
            index += 1

    def _amount_for(self, first, last):
        """What the days [first, last] of the contract cost at its monthly rate."""
        self.ensure_one()
        last = min(last, self.date_end)
        if last < first:
            return 0.0
        return self.currency_id.round(self.monthly_rate * months_of(first, last))
