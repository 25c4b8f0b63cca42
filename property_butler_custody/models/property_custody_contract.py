from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler.models.ir_cron import CronBatch

CONTRACT_STATES = [("draft", "Draft"), ("active", "Active"), ("ended", "Ended")]
TEMPLATE = "property_butler_custody.property_inspection_template_custody"
FAR = fields.Date.to_date("9999-12-31")
# What a signed contract is billed on: fixed once it is active (its end may still move).
BILLED_TERMS = {"unit_id", "partner_id", "fee_type_id", "date_start", "monthly_fee"}


class PropertyCustodyContract(models.Model):
    """Home custody (房屋托管, S4): the owner of an idle home entrusts it to the asset butler
    for a monthly fee. The contract's scope (air the rooms, check water, power and gas...) is
    the checklist of a custody inspection every month it is active; the fee is billed by the
    monthly billing run on the owner's statement, prorated by day in its first and last
    months."""

    _name = "property.custody.contract"
    _description = "Home Custody Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('unit_type', 'in', ('residential', 'commercial'))]",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('property_occupancy_ids.unit_id', '=?', unit_id)]",
        help="The owner who entrusts the home: billed the monthly fee, told the inspections' "
        "results.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Butler",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The asset butler who inspects the home every month (the grid's butler by default).",
    )
    recommendation_id = fields.Many2one(
        "property.service.recommendation",
        index="btree_not_null",
        check_company=True,
        copy=False,
        domain="[('state', '=', 'accepted'), ('unit_id', '=?', unit_id)]",
        help="The butler's accepted recommendation of home custody this contract comes from.",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True, help="Inclusive; empty: open-ended.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    monthly_fee = fields.Monetary(required=True, tracking=True)
    fee_type_id = fields.Many2one(
        "property.fee.type",
        string="Fee",
        required=True,
        check_company=True,
        domain="[('computation', '=', 'custody')]",
        default=lambda self: self.env["property.fee.type"].search(
            [("computation", "=", "custody"), ("company_id", "=", self.env.company.id)],
            limit=1,
        ),
        help="The fee of the billing run the monthly fee is billed as.",
    )
    scope_item_ids = fields.Many2many(
        "property.inspection.template.item",
        "property_custody_contract_scope_rel",
        "contract_id",
        "item_id",
        string="Scope",
        domain=lambda self: [("template_id", "=", self.env.ref(TEMPLATE).id)],
        default=lambda self: self.env.ref(TEMPLATE).item_ids,
        help="What the butler does every month: the checklist of the custody inspection.",
    )
    note = fields.Html(string="Terms")
    state = fields.Selection(
        CONTRACT_STATES, required=True, default="draft", index=True, tracking=True, copy=False
    )
    inspection_ids = fields.One2many(
        "property.inspection", "custody_contract_id", string="Inspections"
    )
    inspection_count = fields.Integer(compute="_compute_inspection_count")
    invoice_line_ids = fields.One2many(
        "account.move.line", "property_custody_contract_id", string="Billed"
    )
    is_billed = fields.Boolean(
        string="Ever Billed",
        compute="_compute_is_billed",
        compute_sudo=True,
        help="A billing run billed the contract's fee at least once.",
    )

    _sql_constraints = [
        ("fee_positive", "CHECK(monthly_fee >= 0)", "The monthly fee cannot be negative."),
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A contract cannot end before it starts.",
        ),
    ]

    @api.depends("unit_id")
    def _compute_user_id(self):
        for contract in self:
            if not contract.user_id:
                contract.user_id = contract.unit_id.butler_id or self.env.user

    def _compute_is_billed(self):
        billed = set(
            self.env["account.move.line"]
            .search([("property_custody_contract_id", "in", self.ids)])
            .property_custody_contract_id.ids
        )
        for contract in self:
            contract.is_billed = contract.id in billed

    def _compute_inspection_count(self):
        counts = dict(
            self.env["property.inspection"]._read_group(
                [("custody_contract_id", "in", self.ids)], ["custody_contract_id"], ["__count"]
            )
        )
        for contract in self:
            contract.inspection_count = counts.get(contract, 0)

    @api.depends("name", "unit_id.code")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = " · ".join(
                filter(None, [contract.name if contract.name != "/" else "", contract.unit_id.code])
            )

    @api.constrains("unit_id", "state", "date_start", "date_end")
    def _check_one_active_per_unit(self):
        active = self.filtered(lambda c: c.state == "active")
        if not active:
            return
        others = self.search([("unit_id", "in", active.unit_id.ids), ("state", "=", "active")])
        for contract in active:
            for other in others:
                if other == contract or other.unit_id != contract.unit_id:
                    continue
                if contract.date_start <= (other.date_end or FAR) and other.date_start <= (
                    contract.date_end or FAR
                ):
                    raise ValidationError(
                        self.env._(
                            "%(unit)s already has the active custody contract %(other)s for "
                            "these dates.",
                            unit=contract.unit_id.code,
                            other=other.name,
                        )
                    )

    @api.constrains("unit_id", "partner_id")
    def _check_partner_owns_unit(self):
        """Only the home's owner entrusts it (and is billed for it)."""
        owners = (
            self.env["property.occupancy"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", self.unit_id.ids),
                    ("partner_id", "in", self.partner_id.ids),
                    ("role", "=", "owner"),
                ]
            )
        )
        owned = {(o.unit_id.id, o.partner_id.id) for o in owners}
        for contract in self:
            if (contract.unit_id.id, contract.partner_id.id) not in owned:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not an owner of %(unit)s: only the owner entrusts a home "
                        "to the butler.",
                        partner=contract.partner_id.display_name,
                        unit=contract.unit_id.code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if not self.env.su and vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("A contract is created as a draft: activate it with its button.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.custody.contract") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "state" in vals:
            raise UserError(self.env._("The status of a contract changes with its buttons only."))
        if set(vals) & BILLED_TERMS and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "The home, owner, fee, start and monthly fee of a signed contract are what it "
                    "is billed on: end it and sign a new one instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("Only a draft contract can be deleted: end an active contract.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_activate(self):
        """Signed: from now the home is inspected every month and the fee billed."""
        for contract in self:
            if contract.state != "draft":
                raise UserError(self.env._("Only a draft contract can be activated."))
            if not contract.scope_item_ids:
                raise UserError(
                    self.env._("Choose what the butler does every month (the scope) first.")
                )
        self.check_access("write")
        self.sudo().write({"state": "active"})
        today = fields.Date.context_today(self)
        self.env["property.inspection"]._create_custody_inspections(self, today)
        return True

    def action_end(self):
        """The owner takes the home back: the contract ends today unless it ended earlier."""
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state != "active":
                raise UserError(self.env._("Only an active contract can be ended."))
            vals = {"state": "ended"}
            if not contract.date_end or contract.date_end > today:
                vals["date_end"] = max(today, contract.date_start)
            contract.check_access("write")
            contract.sudo().write(vals)
        # This month's inspections not done yet, of contracts ended before them, are dropped.
        self.inspection_ids.filtered(
            lambda i: i.state == "todo" and i.date_planned > i.custody_contract_id.date_end
        ).unlink()
        return True

    def action_draft(self):
        if self.filtered(lambda c: c.state != "ended" or c.is_billed):
            raise UserError(self.env._("Only an ended contract never billed can go back to draft."))
        self.check_access("write")
        self.sudo().write({"state": "draft"})
        return True

    def action_view_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_patrol.property_inspection_action"
        )
        action.update(
            domain=[("custody_contract_id", "=", self.id)],
            context={"create": False},
        )
        return action

    # ------------------------------------------------------------------
    # Monthly inspections
    # ------------------------------------------------------------------
    @api.model
    def _active_in(self, start, end, extra=None):
        """The domain of the contracts active (or ended since) on some day of [start, end]."""
        return [
            ("state", "in", ("active", "ended")),
            ("date_start", "<=", end),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", start),
            *(extra or []),
        ]

    @api.model
    def _cron_custody_inspections(self, batch_size=200):
        """Every day: this month's custody inspection of each active contract that has none
        yet, for its butler, due at the month's end (a contract activated mid-month gets it
        that day). Idempotent: (unit, template, month) is unique and existing ones are
        skipped; ended contracts get none."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._custody_inspections_batch(batch_size)
        )

    @api.model
    def _custody_inspections_batch(self, batch_size):
        today = fields.Date.context_today(self)
        period = today.strftime("%Y-%m")
        # A home already inspected this month (under a contract that ended, say) gets no second
        # inspection: its contract is not left in the to-do list either, or the job would
        # find it again in every batch.
        inspected = (
            self.env["property.inspection"]
            .search(
                [
                    ("template_id", "=", self.env.ref(TEMPLATE).id),
                    ("period", "=", period),
                    ("unit_id", "!=", False),
                ]
            )
            .unit_id
        )
        domain = [
            ("state", "=", "active"),
            ("unit_id", "not in", inspected.ids),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
            "!",
            ("inspection_ids.period", "=", period),
        ]
        contracts = self.search(domain, limit=batch_size, order="id")
        inspections = self.env["property.inspection"]._create_custody_inspections(contracts, today)
        remaining = self.search_count(domain + [("id", "not in", contracts.ids)])
        return CronBatch(inspections, len(contracts), remaining)

    # ------------------------------------------------------------------
    # Billing
    # ------------------------------------------------------------------
    def _billing_fraction(self, start, end):
        """The share of the month [start, end] the contract covers (prorated by day)."""
        self.ensure_one()
        first = max(self.date_start, start)
        last = min(self.date_end or FAR, end)
        if last < first:
            return 0.0
        return ((last - first).days + 1) / ((end - start).days + 1)

    @api.model
    def _month_end(self, day):
        return day.replace(day=1) + relativedelta(months=1, days=-1)
