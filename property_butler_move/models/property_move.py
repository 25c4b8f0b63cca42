from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.property_occupancy import ROLES

KINDS = [("in", "Move-in"), ("out", "Move-out")]
STATES = [("draft", "In Progress"), ("done", "Completed"), ("cancel", "Cancelled")]
DEPOSIT_DECISIONS = [("refund", "Refunded"), ("keep", "Kept")]
ARREARS_DECISIONS = [("settled", "Settled"), ("agreement", "Agreement Noted")]
# The move-in checklist (S1 1.1.4 "辦理入住程序"): every item is required.
MOVE_IN_CHECKLIST = (
    "identity_checked",
    "documents_received",
    "covenant_signed",
    "handbook_given",
    "debit_offered",
    "cards_issued",
)


class PropertyMove(models.Model):
    """A move-in or a move-out handled at the front desk (入住 / 遷出手續, S1 1.1.4).

    A move-in is a checklist; completing it creates the occupancies of the people who move in.
    A move-out settles the unit's arrears (or notes an agreement), bills the final meter
    readings at once, decides on the deposit, takes the access cards back, issues a goods
    release note for the guards and ends the occupancies. Either is completed in one go: it is
    refused, with nothing written, while something is missing."""

    _name = "property.move"
    _description = "Move-in or Move-out"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.company.mixin",
        "property.client.mixin",
    ]
    # (the family moving in, clients of the estate until their occupancies start)
    _property_client_fields = ("partner_id", "member_ids")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    kind = fields.Selection(KINDS, required=True, default="in", tracking=True)
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, copy=False)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        ondelete="restrict",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    note = fields.Text()

    # Move-in
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        tracking=True,
        help="The owner or tenant who moves in.",
    )
    role = fields.Selection(ROLES, default="owner", tracking=True)
    member_ids = fields.Many2many(
        "res.partner",
        "property_move_member_rel",
        "move_id",
        "partner_id",
        string="Household Members",
        help="The people who move in with the resident: they are registered as household "
        "members of the unit.",
    )
    is_billing_contact = fields.Boolean(
        string="Billing Contact",
        help="The resident receives the unit's statements and invoices from the move-in date.",
    )
    identity_checked = fields.Boolean(tracking=True)
    documents_received = fields.Boolean(
        tracking=True,
        help="Copies of the identity card and of the title deed or the lease.",
    )
    covenant_signed = fields.Boolean(
        string="Management Covenant Signed", tracking=True, help="The signed 管理公約."
    )
    handbook_given = fields.Boolean(string="Residents' Handbook Given", tracking=True)
    debit_offered = fields.Boolean(
        string="Auto-debit Offered",
        tracking=True,
        help="The bank auto-debit of the fees was offered to the resident.",
    )
    debit_accepted = fields.Boolean(
        string="Auto-debit Accepted",
        help="The resident filled in the bank's auto-debit mandate.",
    )
    cards_issued = fields.Boolean(string="Access Cards Issued", tracking=True)
    card_numbers = fields.Char(
        string="Access Card Numbers",
        tracking=True,
        help="The numbers of the access cards issued at the move-in or returned at the move-out.",
    )
    occupancy_count = fields.Integer(compute="_compute_occupancy_count")

    # Move-out
    occupancy_ids = fields.Many2many(
        "property.occupancy",
        "property_move_occupancy_rel",
        "move_id",
        "occupancy_id",
        string="Occupancies Ended",
        compute="_compute_occupancy_ids",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('unit_id', '=', unit_id), ('date_end', '=', False)]",
        help="At a move-out, the occupancies that end on the move-out date; at a move-in, "
        "those it created.",
    )
    arrears_amount = fields.Monetary(
        string="Arrears",
        compute="_compute_arrears",
        help="What the people moving out still owe for this unit (open fee invoices).",
    )
    arrears_detail = fields.Text(string="Open Invoices", compute="_compute_arrears")
    arrears_decision = fields.Selection(
        ARREARS_DECISIONS,
        string="Arrears Settlement",
        tracking=True,
        help="Settled: nothing is left to pay. Agreement: the resident agreed how and when the "
        "arrears will be paid (write it down).",
    )
    arrears_agreement = fields.Text(string="Payment Agreement")
    reading_ids = fields.One2many(
        "property.move.reading", "move_id", string="Final Meter Readings", copy=False
    )
    final_invoice_ids = fields.Many2many(
        "account.move",
        "property_move_invoice_rel",
        "move_id",
        "invoice_id",
        string="Final Invoices",
        readonly=True,
        copy=False,
        groups="property_butler.property_butler_group_butler",
    )
    final_invoice_count = fields.Integer(compute="_compute_final_invoice_count", compute_sudo=True)
    deposit_amount = fields.Monetary(string="Deposit")
    deposit_decision = fields.Selection(DEPOSIT_DECISIONS, tracking=True)
    deposit_reason = fields.Text(
        string="Reason", help="Why the deposit is kept (damage, unpaid fees…)."
    )
    cards_returned = fields.Boolean(string="Access Cards Returned", tracking=True)
    goods_items = fields.Text(
        string="Goods Leaving", help="What leaves the estate with the resident, for the guards."
    )
    vehicle_plate = fields.Char()
    goods_release_id = fields.Many2one(
        "property.goods.release", string="Goods Release Note", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind", "unit_id")
    def _compute_occupancy_ids(self):
        """At a move-out, everybody who lives in the unit moves out unless the desk says
        otherwise."""
        drafts = self.filtered(lambda m: m.kind == "out" and m.state == "draft" and m.unit_id)
        current = {}
        if drafts:
            for occupancy in self.env["property.occupancy"].search(
                [("unit_id", "in", drafts.unit_id.ids), ("date_end", "=", False)]
            ):
                current.setdefault(occupancy.unit_id.id, []).append(occupancy.id)
        for move in self:
            if move in drafts:
                move.occupancy_ids = [Command.set(current.get(move.unit_id.id, []))]
            elif move.state == "draft":
                move.occupancy_ids = [Command.clear()]
            else:
                move.occupancy_ids = move.occupancy_ids

    @api.depends("occupancy_ids")
    def _compute_occupancy_count(self):
        for move in self:
            move.occupancy_count = len(move.occupancy_ids)

    @api.depends("final_invoice_ids")
    def _compute_final_invoice_count(self):
        for move in self:
            move.final_invoice_count = len(move.final_invoice_ids)

    @api.depends("kind", "unit_id", "occupancy_ids")
    @api.depends_context("uid")
    def _compute_arrears(self):
        """The open fee invoices of the people moving out that bill this unit: read as
        superuser (the front desk reads no invoice), shown as an amount and references only."""
        for move in self:
            invoices = move._arrears_invoices()
            move.arrears_amount = sum(invoices.mapped("amount_residual"))
            move.arrears_detail = "\n".join(
                f"{inv.name} {inv.ref or ''} {inv.currency_id.format(inv.amount_residual)}"
                for inv in invoices
            )

    def _arrears_invoices(self):
        self.ensure_one()
        if self.kind != "out" or not self.unit_id or not self.occupancy_ids:
            return self.env["account.move"]
        return (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.occupancy_ids.partner_id.ids),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_line_ids.property_unit_id", "=", self.unit_id.id),
                ],
                order="invoice_date, id",
            )
        )

    @api.depends("kind", "name", "unit_id.code")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for move in self:
            parts = [p for p in (move.name if move.name != "/" else "", move.unit_id.code) if p]
            label = " · ".join(parts)
            move.display_name = f"{kinds.get(move.kind)} {label}".strip() or self.env._("New")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("property.move") or "/"
        return super().create(vals_list)

    def write(self, vals):
        locked = {"kind", "unit_id", "date", "occupancy_ids", "reading_ids", "partner_id", "role"}
        if locked & set(vals) and self.filtered(lambda m: m.state == "done"):
            raise UserError(
                self.env._("A completed move is kept as it was: record a new one instead.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.filtered(lambda m: m.state == "done"):
            raise UserError(self.env._("A completed move cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        """Complete the move-in or move-out: everything is checked first, then written."""
        for move in self:
            if move.state != "draft":
                raise UserError(self.env._("%(move)s is not in progress.", move=move.display_name))
            # Checked first; written in one savepoint, so that a refusal while writing (an
            # overlapping occupancy, a concurrent billing run) leaves nothing behind either.
            if move.kind == "in":
                move._check_move_in()
                with self.env.cr.savepoint():
                    move._do_move_in()
            else:
                move._check_move_out()
                with self.env.cr.savepoint():
                    move._do_move_out()
        return True

    def action_cancel(self):
        if self.filtered(lambda m: m.state == "done"):
            raise UserError(self.env._("A completed move cannot be cancelled."))
        self.write({"state": "cancel"})

    def action_draft(self):
        self.filtered(lambda m: m.state == "cancel").write({"state": "draft"})

    def _field_label(self, name):
        return self._fields[name]._description_string(self.env)

    def _check_move_in(self):
        self.ensure_one()
        if not self.partner_id or not self.role:
            raise UserError(self.env._("Choose the resident who moves in and their role."))
        missing = [self._field_label(name) for name in MOVE_IN_CHECKLIST if not self[name]]
        if missing:
            raise UserError(
                self.env._(
                    "The move-in checklist is not complete: %(items)s.",
                    items=", ".join(missing),
                )
            )
        if not (self.card_numbers or "").strip():
            raise UserError(self.env._("Write down the numbers of the access cards issued."))
        if self.partner_id in self.member_ids:
            raise UserError(
                self.env._(
                    "%(partner)s moves in as the resident: remove them from the household members.",
                    partner=self.partner_id.display_name,
                )
            )

    def _do_move_in(self):
        vals_list = [
            {
                "unit_id": self.unit_id.id,
                "partner_id": self.partner_id.id,
                "role": self.role,
                "date_start": self.date,
                "is_billing_contact": self.is_billing_contact,
            }
        ] + [
            {
                "unit_id": self.unit_id.id,
                "partner_id": member.id,
                "role": "member",
                "date_start": self.date,
            }
            for member in self.member_ids
        ]
        occupancies = self.env["property.occupancy"].create(vals_list)
        self.write({"occupancy_ids": [Command.set(occupancies.ids)], "state": "done"})

    def _final_meter_fees(self):
        """The metered fees the unit is billed in the month of the move-out (those with a
        rate of its project and unit type that month)."""
        self.ensure_one()
        billing = self.env["property.billing"]
        start, end = billing._period_bounds(self.date)
        rates = (
            self.env["property.fee.rate"]
            .sudo()
            .search(
                [
                    ("project_id", "=", self.project_id.id),
                    ("unit_type", "=", self.unit_id.unit_type),
                    ("fee_type_id.computation", "=", "metered"),
                    ("date_from", "<=", end),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", start),
                ]
            )
        )
        return rates.fee_type_id

    def _check_move_out(self):
        self.ensure_one()
        env = self.env
        if not self.occupancy_ids:
            raise UserError(env._("Choose the occupancies that end with this move-out."))
        early = self.occupancy_ids.filtered(lambda o: o.date_start > self.date)
        if early:
            raise UserError(
                env._(
                    "%(occupancies)s start after the move-out date.",
                    occupancies=", ".join(early.mapped("display_name")),
                )
            )
        ended = self.occupancy_ids.filtered(lambda o: o.date_end and o.date_end < self.date)
        if ended:
            raise UserError(
                env._(
                    "%(occupancies)s ended before the move-out date.",
                    occupancies=", ".join(ended.mapped("display_name")),
                )
            )
        arrears = self.arrears_amount
        if arrears and self.arrears_decision != "agreement":
            raise UserError(
                env._(
                    "The unit's arrears (%(amount)s) are not settled: collect them first, or "
                    "note the agreement made with the resident.",
                    amount=self.currency_id.format(arrears),
                )
            )
        if self.arrears_decision == "agreement" and not (self.arrears_agreement or "").strip():
            raise UserError(env._("Write down the agreement made on the arrears."))
        missing = self._final_meter_fees() - self.reading_ids.fee_type_id
        if missing:
            raise UserError(
                env._(
                    "Enter the final meter readings first: %(meters)s.",
                    meters=", ".join(missing.mapped("name")),
                )
            )
        start = self.env["property.billing"]._period_bounds(self.date)[0]
        existing = (
            self.env["property.meter.reading"]
            .sudo()
            .search(
                [
                    ("unit_id", "=", self.unit_id.id),
                    ("fee_type_id", "in", self.reading_ids.fee_type_id.ids),
                    ("period", "=", start),
                ]
            )
        )
        if existing:
            raise UserError(
                env._(
                    "%(unit)s already has a reading of %(meters)s for %(month)s: correct that "
                    "reading in the billing instead of entering a final one.",
                    unit=self.unit_id.code,
                    meters=", ".join(existing.fee_type_id.mapped("name")),
                    month=start.strftime("%Y-%m"),
                )
            )
        if self.deposit_amount and not self.deposit_decision:
            raise UserError(env._("Decide whether the deposit is refunded or kept."))
        if self.deposit_decision == "keep" and not (self.deposit_reason or "").strip():
            raise UserError(env._("Give the reason why the deposit is kept."))
        if not self.cards_returned:
            raise UserError(env._("The access cards must be returned before the move-out."))
        if not (self.goods_items or "").strip():
            raise UserError(
                env._("List the goods leaving with the resident for the goods release note.")
            )

    def _do_move_out(self):
        self.occupancy_ids.filtered(lambda o: not o.date_end or o.date_end > self.date).write(
            {"date_end": self.date}
        )
        invoices = self._bill_final_readings()
        release = self.env["property.goods.release"].create(
            {
                "project_id": self.project_id.id,
                "unit_id": self.unit_id.id,
                "partner_id": self.occupancy_ids[:1].partner_id.id,
                "date": self.date,
                "items": self.goods_items,
                "vehicle_plate": self.vehicle_plate,
                "state": "approved",
                "approved_by_id": self.env.uid,
            }
        )
        # The front desk reads no invoice: the link is written as superuser.
        self.sudo().final_invoice_ids = [Command.set(invoices.ids)]
        self.write({"state": "done", "goods_release_id": release.id})

    def _bill_final_readings(self):
        """The final readings become the month's readings of the unit, billed at once to the
        unit's billing contacts of the month (the front desk creates neither readings nor
        invoices itself: done as superuser, once the move-out is checked)."""
        if not self.reading_ids:
            return self.env["account.move"]
        billing = self.env["property.billing"].sudo()
        start, end = billing._period_bounds(self.date)
        self.env["property.meter.reading"].sudo().create(
            [
                {
                    "unit_id": self.unit_id.id,
                    "fee_type_id": reading.fee_type_id.id,
                    "period": start,
                    "quantity": reading.quantity,
                }
                for reading in self.reading_ids
            ]
        )
        contacts = (
            self.env["property.occupancy"]
            .sudo()
            .search(
                [
                    ("unit_id", "=", self.unit_id.id),
                    ("is_billing_contact", "=", True),
                    ("date_start", "<=", end),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", start),
                ]
            )
            .partner_id
        )
        if not contacts:
            raise UserError(
                self.env._(
                    "%(unit)s has no billing contact to bill the final readings to.",
                    unit=self.unit_id.code,
                )
            )
        return billing._bill_batch(contacts, self.project_id.sudo(), start, end)

    def action_view_occupancies(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Occupancies"),
            "res_model": "property.occupancy",
            "view_mode": "list,form",
            "domain": [("id", "in", self.occupancy_ids.ids)],
        }

    def action_view_final_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Final Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", self.final_invoice_ids.ids)],
        }

    def action_view_goods_release(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.goods.release",
            "view_mode": "form",
            "res_id": self.goods_release_id.id,
        }
