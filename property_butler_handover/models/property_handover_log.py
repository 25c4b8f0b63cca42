from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

HANDOVER_KINDS = [
    ("security", "Security Shift Handover"),
    ("front_desk", "Front Desk Handover"),
]

HANDOVER_STATES = [
    ("draft", "Draft"),
    ("handed", "Handed Over"),
    ("acknowledged", "Acknowledged"),
]

# What the outgoing shift writes; frozen once the log is handed over.
LOCKED_FIELDS = {"kind", "project_id", "date", "shift_id", "handed_by_id", "taken_by_id", "notes"}


class PropertyHandoverLog(models.Model):
    """A shift handover: 《安全員交接班記錄表》 for guards, 《前臺工作交接日志》 for the front desk.

    Open items pass to the next shift's log and the taker acknowledges them before handing over
    their own shift."""

    _name = "property.handover.log"
    _description = "Shift Handover Log"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(readonly=True, copy=False, default="/")
    kind = fields.Selection(
        HANDOVER_KINDS, required=True, default=lambda self: self._default_kind(), index=True
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    shift_id = fields.Many2one("property.patrol.shift", check_company=True)
    handed_by_id = fields.Many2one(
        "res.users",
        string="Handed Over By",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    taken_by_id = fields.Many2one(
        "res.users",
        string="Taken Over By",
        check_company=True,
        domain="[('share', '=', False)]",
        tracking=True,
        help="The colleague of the next shift, who acknowledges the handover.",
    )
    state = fields.Selection(
        HANDOVER_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    date_handed = fields.Datetime(string="Handed Over On", readonly=True, copy=False)
    date_acknowledged = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    notes = fields.Text(string="Events of the Shift")
    item_ids = fields.One2many("property.handover.item", "log_id", string="Items", copy=False)
    previous_log_id = fields.Many2one(
        "property.handover.log",
        string="Previous Handover",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The last handover of this kind and project before this one: acknowledge it "
        "before handing over this one.",
    )
    open_item_count = fields.Integer(compute="_compute_item_counts", string="Open Items")
    carried_item_count = fields.Integer(compute="_compute_item_counts", string="Carried Items")

    def _default_kind(self):
        if self.env.user.has_group("property_butler.property_butler_group_patrol_guard"):
            return "security"
        return "front_desk"

    @api.depends("item_ids.state", "item_ids.carried_from_id")
    def _compute_item_counts(self):
        for log in self:
            log.open_item_count = len(log.item_ids.filtered(lambda i: i.state == "open"))
            log.carried_item_count = len(log.item_ids.filtered("carried_from_id"))

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.handover.log") or "/"
        logs = super().create(vals_list)
        logs._carry_over()
        return logs

    def write(self, vals):
        if (
            {"state", "date_handed", "date_acknowledged"} & set(vals)
            and not self.env.su
            and not self.env.context.get("property_handover_step")
        ):
            raise UserError(
                self.env._("Use Hand Over and Acknowledge: the status is not edited by hand.")
            )
        locked = LOCKED_FIELDS.intersection(vals)
        if locked and self.filtered(lambda log: log.state != "draft"):
            raise UserError(
                self.env._("A handover log cannot be changed once it has been handed over.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda log: log.state != "draft"):
            raise UserError(self.env._("A handover log that was handed over stays on record."))

    # ------------------------------------------------------------------
    # Carrying open items over
    # ------------------------------------------------------------------
    def _latest_handed_logs(self):
        """{(kind, project id): latest handed-over log} for the kinds and projects of these
        logs, excluding them (one query)."""
        if not self:
            return {}
        self.flush_model(["kind", "project_id", "state", "date_handed"])
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (kind, project_id) id
                  FROM property_handover_log
                 WHERE state IN ('handed', 'acknowledged')
                   AND kind IN %s AND project_id IN %s AND id NOT IN %s
              ORDER BY kind, project_id, date_handed DESC NULLS LAST, id DESC
                """,
                tuple(set(self.mapped("kind"))),
                tuple(set(self.project_id.ids)),
                tuple(self.ids),
            )
        )
        previous = self.browse(row[0] for row in self.env.cr.fetchall())
        return {(log.kind, log.project_id.id): log for log in previous}

    def _carry_over(self):
        """Carry every still-open item of the handed-over logs of the same kind and project into
        these draft logs, once: an item that was already carried somewhere is not carried again."""
        drafts = self.filtered(lambda log: log.state == "draft")
        if not drafts:
            return self.env["property.handover.item"]
        latest = drafts._latest_handed_logs()
        Item = self.env["property.handover.item"]
        open_items = Item.search(
            [
                ("log_id.kind", "in", list(set(drafts.mapped("kind")))),
                ("log_id.project_id", "in", drafts.project_id.ids),
                ("log_id.state", "in", ("handed", "acknowledged")),
                ("log_id", "not in", drafts.ids),
                ("state", "=", "open"),
                ("carried_to_ids", "=", False),
            ],
            order="log_id, sequence, id",
        )
        by_key = {}
        for item in open_items:
            by_key.setdefault((item.log_id.kind, item.log_id.project_id.id), []).append(item)
        vals_list = []
        for log in drafts.sorted(lambda log: (log.date, log.id)):
            key = (log.kind, log.project_id.id)
            if not log.previous_log_id and key in latest:
                log.previous_log_id = latest[key]
            # Two new logs of the same kind and project: the first one takes the items.
            for item in by_key.pop(key, []):
                vals_list.append(
                    {
                        "log_id": log.id,
                        "description": item.description,
                        "sequence": item.sequence,
                        "carried_from_id": item.id,
                        "date_opened": item.date_opened,
                    }
                )
        return Item.create(vals_list)

    def action_carry_over(self):
        """Fetch the open items handed over since this log was started."""
        not_draft = self.filtered(lambda log: log.state != "draft")
        if not_draft:
            raise UserError(self.env._("Only a draft handover log can take over open items."))
        self._carry_over()
        return True

    # ------------------------------------------------------------------
    # Handing over and acknowledging
    # ------------------------------------------------------------------
    def _is_supervisor(self):
        return self.env.user.has_group("property_butler.property_butler_group_supervisor")

    def action_hand_over(self):
        """Hand the shift over to the taker: the log is frozen and waits for acknowledgement."""
        supervisor = self._is_supervisor()
        for log in self:
            if log.state != "draft":
                raise UserError(self.env._("Handover %s was already handed over.", log.name))
            if not log.taken_by_id:
                raise UserError(
                    self.env._("Who takes over from you? Fill in Taken Over By on %s.", log.name)
                )
            if log.taken_by_id == log.handed_by_id:
                raise UserError(self.env._("You cannot hand over a shift to yourself."))
            if log.handed_by_id != self.env.user and not supervisor:
                raise UserError(
                    self.env._(
                        "Only %(user)s, who hands over, can hand over %(log)s.",
                        user=log.handed_by_id.name,
                        log=log.name,
                    )
                )
            pending = (log.previous_log_id | log.item_ids.carried_from_id.log_id).filtered(
                lambda previous: previous.state == "handed"
            )
            if pending:
                raise UserError(
                    self.env._(
                        "Acknowledge the handover you took over first: %s.",
                        ", ".join(pending.mapped("name")),
                    )
                )
        self.with_context(property_handover_step=True).write(
            {"state": "handed", "date_handed": fields.Datetime.now()}
        )
        return True

    def action_acknowledge(self):
        """The taker confirms the handover and the open items it passes on."""
        supervisor = self._is_supervisor()
        for log in self:
            if log.state != "handed":
                raise UserError(
                    self.env._("Only a handed-over log can be acknowledged (%s).", log.name)
                )
            if log.taken_by_id != self.env.user and not supervisor:
                raise UserError(
                    self.env._(
                        "Only %(user)s, who takes over, can acknowledge %(log)s.",
                        user=log.taken_by_id.name,
                        log=log.name,
                    )
                )
        self.with_context(property_handover_step=True).write(
            {"state": "acknowledged", "date_acknowledged": fields.Datetime.now()}
        )
        return True
