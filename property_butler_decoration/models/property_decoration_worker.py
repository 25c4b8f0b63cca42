import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# The operator certificates (上崗證) recorded per worker; hot work (動火) needs a welding one.
CERTIFICATE_KINDS = [
    ("welding", "Welding and Hot Cutting"),
    ("electrician", "Electrician"),
    ("other", "Other"),
]
HOT_WORK_KINDS = ("welding",)
GATE_GROUPS = (
    "property_butler.property_butler_group_patrol_guard",
    "property_butler.property_butler_group_front_desk",
)


def _new_token():
    return secrets.token_urlsafe(24)


class PropertyDecorationWorker(models.Model):
    """A worker of a decoration permit, with the temporary pass (出入證) guards check."""

    _name = "property.decoration.worker"
    _description = "Decoration Worker"
    # Offered in the stay certificate's New form before its company is known.
    _inherit = ["property.company.mixin"]
    _order = "permit_id, name, id"
    _check_company_auto = True

    permit_id = fields.Many2one(
        "property.decoration.permit",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    unit_id = fields.Many2one(related="permit_id.unit_id", store=True, index=True)
    project_id = fields.Many2one(related="permit_id.project_id")
    company_id = fields.Many2one(
        related="permit_id.company_id", store=True, index=True, precompute=True
    )
    permit_state = fields.Selection(related="permit_id.state", string="Permit Status")
    name = fields.Char(required=True)
    photo = fields.Image(max_width=512, max_height=512, help="The worker's photo on the pass.")
    id_number = fields.Char(string="ID Number", required=True)
    phone = fields.Char()
    trade = fields.Char(help="e.g. electrician, plumber, tiler, carpenter.")
    pass_number = fields.Char(required=True, index=True)
    pass_expiry = fields.Date(string="Pass Valid Until", required=True)
    pass_active = fields.Boolean(
        default=True,
        copy=False,
        help="Cleared when a guard confiscates the pass.",
    )
    date_confiscated = fields.Datetime(string="Confiscated On", readonly=True, copy=False)
    confiscated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    pass_token = fields.Char(
        copy=False,
        readonly=True,
        index=True,
        default=lambda self: _new_token(),
        groups="base.group_system",
        help="Unguessable token in the pass's QR code.",
    )
    certificate_kind = fields.Selection(
        CERTIFICATE_KINDS,
        string="Operator Certificate",
        help="Kind of the operator certificate (上崗證); hot work needs a welding and hot "
        "cutting one.",
    )
    hot_work_certificate = fields.Char(
        string="Certificate Number",
        help="Number of the operator certificate (上崗證) required for hot work such as welding.",
    )
    certificate_expiry = fields.Date(string="Certificate Valid Until")
    pass_expired = fields.Boolean(
        compute="_compute_pass_expired",
        search="_search_pass_expired",
        help="The pass has expired today: it must be confiscated and the front desk told.",
    )
    stay_ids = fields.One2many("property.decoration.stay", "worker_id", string="Overnight Stays")

    _sql_constraints = [
        (
            "permit_pass_uniq",
            "unique(permit_id, pass_number)",
            "This pass number is already on this permit.",
        ),
    ]

    def init(self):
        # A new column takes one default for every existing row: give each worker its own
        # token (and one to those without).
        self.env.cr.execute(
            f"""SELECT id FROM {self._table} w WHERE pass_token IS NULL OR EXISTS (
                    SELECT 1 FROM {self._table} o WHERE o.pass_token = w.pass_token
                    AND o.id < w.id)"""  # noqa: S608
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        if ids:
            values = SQL(", ").join(SQL("(%s, %s)", worker_id, _new_token()) for worker_id in ids)
            self.env.cr.execute(
                SQL(
                    "UPDATE %s w SET pass_token = v.token FROM (VALUES %s) AS v(id, token)"
                    " WHERE w.id = v.id",
                    SQL.identifier(self._table),
                    values,
                )
            )

    def _pass_expired_on(self, day):
        self.ensure_one()
        return bool(self.pass_expiry and day and self.pass_expiry < day)

    def _pass_valid_on(self, day):
        """Active, not expired, of a permit in progress."""
        self.ensure_one()
        return (
            self.pass_active and not self._pass_expired_on(day) and self.permit_id.state == "active"
        )

    def _hot_work_certified_on(self, day):
        """A valid operator certificate for hot work on ``day``."""
        self.ensure_one()
        return bool(
            self.certificate_kind in HOT_WORK_KINDS
            and self.hot_work_certificate
            and self.certificate_expiry
            and self.certificate_expiry >= day
        )

    def _stay_certified_on(self, day):
        """A stay certificate (留宿證明) of this worker covering the night of ``day``."""
        self.ensure_one()
        return any(stay.date_from <= day <= stay.date_to for stay in self.stay_ids)

    @api.depends("pass_expiry")
    def _compute_pass_expired(self):
        today = fields.Date.context_today(self)
        for worker in self:
            worker.pass_expired = worker._pass_expired_on(today)

    def _search_pass_expired(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on expired passes."))
        today = fields.Date.context_today(self)
        expired = (operator == "=") == bool(value)
        return [("pass_expiry", "<" if expired else ">=", today)]

    @api.depends("name", "pass_number")
    def _compute_display_name(self):
        for worker in self:
            worker.display_name = (
                f"{worker.name} ({worker.pass_number})" if worker.pass_number else worker.name
            )

    # ------------------------------------------------------------------
    # Confiscation
    # ------------------------------------------------------------------
    def _confiscate(self, reason):
        """Take these passes: they become inactive and the front desk is told by an activity
        on the permit. Returns the passes taken now (those already inactive are skipped)."""
        taken = self.filtered("pass_active")
        if not taken:
            return taken
        # Guards only read workers; confiscating is theirs all the same.
        taken.sudo().write(
            {
                "pass_active": False,
                "date_confiscated": fields.Datetime.now(),
                "confiscated_by_id": self.env.user.id,
            }
        )
        taken.permit_id._notify_front_desk_confiscated(taken, reason)
        return taken

    def action_print_pass(self):
        return self.env.ref(
            "property_butler_decoration.property_decoration_worker_report_pass_action"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Gate check by QR token (guards and front desk of the worker's company only)
    # ------------------------------------------------------------------
    @api.model
    def _check_gate_user(self):
        if not any(self.env.user.has_group(group) for group in GATE_GROUPS):
            raise AccessError(
                self.env._("Only guards and the front desk can check decoration worker passes.")
            )

    @api.model
    def _find_pass(self, token):
        """The worker of this QR token, among the companies the user works for."""
        self._check_gate_user()
        token = (token or "").strip()
        # sudo: staff may not read tokens; this one lookup matches the scanned token, within
        # the companies the user works for.
        found = (
            self.sudo()
            .search(
                [
                    ("pass_token", "=", token),
                    ("company_id", "in", self.env.user.company_ids.ids),
                ],
                limit=1,
            )
            .sudo(False)
            if token
            else self.browse()
        )
        if not found or not found.has_access("read"):
            raise UserError(
                self.env._("No pass with this code: it is wrong or belongs to another estate.")
            )
        return found

    def _refusal(self):
        """Why this pass is not valid today, or False."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        if not self.pass_active:
            return self.env._("This pass was confiscated.")
        if self._pass_expired_on(today):
            return self.env._("This pass has expired: confiscate it.")
        if self.permit_id.state != "active":
            return self.env._("The decoration permit of this pass is not in progress.")
        return False

    def _pass_url(self):
        self.ensure_one()
        # sudo: the one read of the token, to print it as a QR code.
        return f"{self.get_base_url()}/property/decoration/pass/{self.sudo().pass_token}"
