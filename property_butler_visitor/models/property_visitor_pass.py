import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
STAFF_GROUPS = (
    "property_butler.property_butler_group_patrol_guard",
    "property_butler.property_butler_group_front_desk",
)


def _new_token():
    return secrets.token_urlsafe(24)


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(8))


class PropertyVisitorPass(models.Model):
    """A visitor pass (訪客通行證): pre-registered by a resident or registered at the desk for a
    walk-in visitor; shown at the gate as a QR code or a short code."""

    _name = "property.visitor.pass"
    _description = "Visitor Pass"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Visitor", required=True, tracking=True)
    visitor_phone = fields.Char()
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(
        "property.unit",
        string="Host Unit",
        check_company=True,
        domain="[('project_id', '=', project_id)]",
    )
    host_partner_id = fields.Many2one("res.partner", string="Host Resident")
    kind = fields.Selection(
        [("once", "One-off"), ("period", "For a period")],
        required=True,
        default="once",
    )
    walk_in = fields.Boolean(string="Walk-in", help="Registered at the desk, not pre-registered.")
    host_confirmed = fields.Boolean(
        string="Host Confirmed by Phone",
        help="The front desk phoned the host, who confirmed the visit.",
    )
    date_start = fields.Datetime(string="Valid From", required=True, default=fields.Datetime.now)
    date_end = fields.Datetime(string="Valid Until", required=True)
    vehicle_plate = fields.Char()
    purpose = fields.Char()
    revoked = fields.Boolean(tracking=True)
    token = fields.Char(
        copy=False,
        readonly=True,
        index=True,
        default=lambda self: _new_token(),
        groups="base.group_system",
        help="Unguessable token in the pass's QR code.",
    )
    short_code = fields.Char(
        copy=False, readonly=True, index=True, default=lambda self: _new_code()
    )
    state = fields.Selection(
        [
            ("upcoming", "Upcoming"),
            ("valid", "Valid"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        compute="_compute_state",
    )
    log_ids = fields.One2many("property.visitor.log", "pass_id", string="Visits")
    inside = fields.Boolean(compute="_compute_inside")

    _sql_constraints = [
        ("short_code_unique", "unique(short_code)", "The short code of a pass must be unique.")
    ]

    @api.depends("date_start", "date_end", "revoked")
    def _compute_state(self):
        now = fields.Datetime.now()
        for rec in self:
            if rec.revoked:
                rec.state = "revoked"
            elif rec.date_end and rec.date_end < now:
                rec.state = "expired"
            elif rec.date_start and rec.date_start > now:
                rec.state = "upcoming"
            else:
                rec.state = "valid"

    @api.depends("log_ids.exit_time")
    def _compute_inside(self):
        for rec in self:
            rec.inside = any(not log.exit_time for log in rec.log_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for rec in self:
            if rec.date_start and rec.date_end and rec.date_end <= rec.date_start:
                raise ValidationError(self.env._("A pass must end after it starts."))

    @api.constrains("walk_in", "host_confirmed", "unit_id")
    def _check_walk_in(self):
        for rec in self:
            if rec.walk_in and not rec.host_confirmed:
                raise ValidationError(
                    self.env._("Confirm the walk-in visit with the host by phone first.")
                )
            if rec.walk_in and not rec.unit_id:
                raise ValidationError(self.env._("A walk-in visitor needs a host unit."))

    @api.onchange("date_start", "kind")
    def _onchange_date_start(self):
        if self.date_start and not self.date_end:
            self.date_end = fields.Datetime.add(self.date_start, hours=4)

    def action_revoke(self):
        self.revoked = True

    # ------------------------------------------------------------------
    # Gate checks (guards and front desk of the pass's project only)
    # ------------------------------------------------------------------
    @api.model
    def _check_gate_user(self):
        user = self.env.user
        if not any(user.has_group(group) for group in STAFF_GROUPS):
            raise AccessError(
                self.env._("Only guards and the front desk can check visitor passes.")
            )

    @api.model
    def _find_pass(self, code):
        """The pass of this QR token or short code, among the projects the user works for."""
        self._check_gate_user()
        code = (code or "").strip()
        if not code:
            raise UserError(self.env._("Scan the QR code or type the short code of the pass."))
        domain = [("short_code", "=", code.upper())] if len(code) <= 8 else [("token", "=", code)]
        # sudo: staff may not read tokens; this one lookup matches the scanned code, within
        # the companies the user works for.
        found = (
            self.sudo()
            .search([*domain, ("company_id", "in", self.env.user.company_ids.ids)], limit=1)
            .sudo(False)
        )
        if not found or not found.has_access("read"):
            raise UserError(
                self.env._("No pass with this code: it is wrong or belongs to another estate.")
            )
        return found

    def _refusal(self):
        self.ensure_one()
        messages = {
            "upcoming": self.env._("This pass is not valid yet."),
            "expired": self.env._("This pass has expired."),
            "revoked": self.env._("This pass was revoked by the host."),
        }
        return messages.get(self.state)

    def action_check_in(self):
        self._check_gate_user()
        for rec in self:
            refusal = rec._refusal()
            if refusal:
                raise UserError(refusal)
            if rec.inside:
                raise UserError(self.env._("This visitor is already inside."))
            if rec.kind == "once" and rec.log_ids:
                raise UserError(self.env._("This one-off pass was already used."))
        self.env["property.visitor.log"].create(
            [
                {
                    "pass_id": rec.id,
                    "entry_time": fields.Datetime.now(),
                    "entry_user_id": self.env.uid,
                    "vehicle_plate": rec.vehicle_plate,
                }
                for rec in self
            ]
        )
        return True

    def action_check_out(self):
        self._check_gate_user()
        logs = self.log_ids.filtered(lambda log: not log.exit_time)
        if len(logs) < len(self):
            raise UserError(self.env._("This visitor is not inside."))
        logs.write({"exit_time": fields.Datetime.now(), "exit_user_id": self.env.uid})
        return True
