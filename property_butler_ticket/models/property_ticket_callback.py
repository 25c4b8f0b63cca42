from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SCORE_FIELDS = ("score_attitude", "score_quality", "score_timeliness", "score_etiquette")
# 滿意率: the share of answers scored 4 (satisfied) or 5 (very satisfied), per item and overall.
RATE_FIELDS = dict(
    zip(
        SCORE_FIELDS,
        ("rate_attitude", "rate_quality", "rate_timeliness", "rate_etiquette"),
        strict=True,
    )
)
SATISFIED_SCORE = 4
LOW_SCORE = 2  # 1 or 2 out of 5 reopens the ticket and alerts the supervisor


class PropertyTicketCallback(models.Model):
    """A callback (回訪): the resident's scores after a repair, complaint or paid service."""

    _name = "property.ticket.callback"
    _description = "Ticket Callback"
    _inherit = ["mail.thread"]
    _order = "date_scheduled desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "property.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(tracking=False, related="ticket_id.partner_id", string="Resident")
    unit_id = fields.Many2one(tracking=False, related="ticket_id.unit_id", store=True)
    ticket_type_id = fields.Many2one(
        tracking=False, related="ticket_id.ticket_type_id", store=True, index=True
    )
    department_id = fields.Many2one(
        tracking=False, related="ticket_id.department_id", store=True, index=True
    )
    butler_id = fields.Many2one(related="ticket_id.butler_id", store=True, index=True)
    cluster_id = fields.Many2one(related="ticket_id.cluster_id", store=True)
    user_id = fields.Many2one("res.users", string="Called By", required=True, index=True)
    date_scheduled = fields.Date(string="Planned", required=True, index=True)
    date_done = fields.Date(string="Done On", readonly=True, index=True)
    channel = fields.Selection(
        [("phone", "Phone"), ("visit", "Visit"), ("portal", "Portal")], default="phone"
    )
    state = fields.Selection(
        [("scheduled", "Scheduled"), ("done", "Done"), ("unreachable", "Unreachable")],
        default="scheduled",
        required=True,
        tracking=True,
    )
    score_attitude = fields.Integer(string="Attitude", aggregator="avg")
    score_quality = fields.Integer(string="Quality", aggregator="avg")
    score_timeliness = fields.Integer(string="Timeliness", aggregator="avg")
    score_etiquette = fields.Integer(string="Etiquette", aggregator="avg")
    satisfaction = fields.Float(
        string="Satisfaction (%)",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="滿意率: the share of the answers scored 4 (satisfied) or 5 (very satisfied).",
    )
    rate_attitude = fields.Float(
        string="Attitude Satisfied (%)", compute="_compute_satisfaction", store=True
    )
    rate_quality = fields.Float(
        string="Quality Satisfied (%)", compute="_compute_satisfaction", store=True
    )
    rate_timeliness = fields.Float(
        string="Timeliness Satisfied (%)", compute="_compute_satisfaction", store=True
    )
    rate_etiquette = fields.Float(
        string="Etiquette Satisfied (%)", compute="_compute_satisfaction", store=True
    )
    comment = fields.Text()

    @api.constrains("state", *SCORE_FIELDS)
    def _check_scores(self):
        for callback in self:
            for name in SCORE_FIELDS:
                score = callback[name]
                if (score or callback.state == "done") and not 1 <= score <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(item)s is scored from 1 to 5, not %(score)s.",
                            item=self._fields[name]._description_string(self.env),
                            score=score,
                        )
                    )

    @api.depends(*SCORE_FIELDS)
    def _compute_satisfaction(self):
        """Each item 100 % when scored 4 or 5, else 0 %; the callback's satisfaction is the
        share of its items scored 4 or 5. Averaged over callbacks (four answers each), both
        give the share of satisfied answers."""
        for callback in self:
            scored = [name for name in SCORE_FIELDS if callback[name]]
            for name, rate in RATE_FIELDS.items():
                callback[rate] = 100.0 if callback[name] >= SATISFIED_SCORE else 0.0
            satisfied = [name for name in scored if callback[name] >= SATISFIED_SCORE]
            callback.satisfaction = 100.0 * len(satisfied) / len(scored) if scored else 0.0

    @api.depends("ticket_id.name", "date_scheduled")
    def _compute_display_name(self):
        for callback in self:
            callback.display_name = self.env._("Callback %s", callback.ticket_id.name or "")

    def write(self, vals):
        recording = self.env.context.get("property_callback_recording")
        if vals.get("state") == "done" and not recording:
            raise UserError(self.env._("Record a callback with its Record Scores button."))
        if (
            not recording
            and set(vals) & {"state", *SCORE_FIELDS}
            and self.filtered(lambda c: c.state == "done")
        ):
            raise UserError(self.env._("A recorded callback cannot be changed."))
        return super().write(vals)

    def action_done(self, channel=None):
        """Record the resident's scores; a low score reopens the ticket and alerts the supervisor."""
        for callback in self:
            if callback.state == "done":
                raise UserError(self.env._("This callback is already recorded."))
            missing = [
                callback._fields[name]._description_string(self.env)
                for name in SCORE_FIELDS
                if not callback[name]
            ]
            if missing:
                raise UserError(
                    self.env._("Score every item from 1 to 5 first: %s", ", ".join(missing))
                )
        vals = {"state": "done", "date_done": fields.Date.context_today(self)}
        if channel:
            vals["channel"] = channel
        self.with_context(property_callback_recording=True).write(vals)
        # The butler's pending call activity is done.
        self.ticket_id.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
        ).action_feedback(feedback=self.env._("Callback recorded."))
        self._escalate_low_scores()
        return True

    def action_unreachable(self):
        self.write({"state": "unreachable", "date_done": fields.Date.context_today(self)})
        return True

    def _escalate_low_scores(self):
        low = self.filtered(lambda c: any(c[name] <= LOW_SCORE for name in SCORE_FIELDS))
        if not low:
            return
        todo = self.env.ref("mail.mail_activity_data_todo")
        for callback in low:
            ticket = callback.ticket_id
            if ticket.stage_id.category == "done" and ticket._stage_of("progress"):
                ticket._move_to("progress")
            supervisor = ticket.project_id._get_escalation_user()
            ticket.activity_schedule(
                activity_type_id=todo.id,
                user_id=(supervisor or callback.user_id).id,
                summary=self.env._("Low satisfaction: the ticket was reopened"),
                note=callback.comment or "",
            )

    @api.model
    def _satisfaction(self, domain, groupby, target=90.0, item_target=85.0):
        """The satisfaction rate (share of answers scored 4 or 5) and per-item rates (in %)
        of done callbacks, per ``groupby``.

        Returns {group key: {"satisfaction": %, "items": {score field: %}, "count": n,
        "lowest_item": %, "meets_target": bool}}; the quality target (seed 001, 1.2.1) is an
        average of at least ``target`` and no item below ``item_target``.
        """
        rates = [RATE_FIELDS[name] for name in SCORE_FIELDS]
        aggregates = ["satisfaction:avg", "__count"] + [f"{rate}:avg" for rate in rates]
        result = {}
        for key, satisfaction, count, *items in self._read_group(
            [*domain, ("state", "=", "done")], [groupby], aggregates
        ):
            item_rates = {name: avg or 0.0 for name, avg in zip(SCORE_FIELDS, items, strict=True)}
            lowest = min(item_rates.values())
            result[key] = {
                "satisfaction": satisfaction or 0.0,
                "items": item_rates,
                "count": count,
                "lowest_item": lowest,
                "meets_target": (satisfaction or 0.0) >= target and lowest >= item_target,
            }
        return result
