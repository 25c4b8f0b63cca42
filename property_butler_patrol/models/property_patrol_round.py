from datetime import timedelta

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ, utc_to_local

# A round may be started up to this long before its start time.
EARLY_MINUTES = 30

ROUND_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("incomplete", "Incomplete"),
    ("missed", "Missed"),
]


class PropertyPatrolRound(models.Model):
    """One walk of a route by a guard, with a check-in at each checkpoint."""

    _name = "property.patrol.round"
    _description = "Patrol Round"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    plan_id = fields.Many2one(
        "property.patrol.plan", index=True, ondelete="set null", check_company=True
    )
    route_id = fields.Many2one(
        "property.patrol.route", required=True, index=True, check_company=True, ondelete="restrict"
    )
    project_id = fields.Many2one(related="route_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="route_id.company_id", store=True, index=True, precompute=True
    )
    guard_id = fields.Many2one("res.users", index=True, tracking=True)
    date_start = fields.Datetime(string="Starts At", required=True, index=True)
    date_deadline = fields.Datetime(
        string="Due By", compute="_compute_date_deadline", store=True, precompute=True
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True)
    state = fields.Selection(
        ROUND_STATES, default="planned", required=True, tracking=True, index=True
    )
    checkin_ids = fields.One2many("property.patrol.checkin", "round_id", string="Check-ins")
    expected_count = fields.Integer(compute="_compute_counts", string="Checkpoints")
    checkin_count = fields.Integer(compute="_compute_counts", string="Checked In")
    late_count = fields.Integer(readonly=True, string="Late Check-ins")
    missed_count = fields.Integer(readonly=True, string="Missed Checkpoints")
    missed_checkpoint_ids = fields.Many2many("property.checkpoint", string="Missed", readonly=True)

    _sql_constraints = [
        (
            "plan_start_uniq",
            "unique(plan_id, date_start)",
            "This plan already has a round starting at that time.",
        ),
    ]

    def _local(self, value, tz=None):
        """``value`` (UTC, naive) in ``tz``, else the round's plan's time zone (the project's
        local time), else Asia/Shanghai."""
        self.ensure_one()
        return utc_to_local(value, tz or self.plan_id.tz)

    def _viewer_tz(self):
        """The time zone times are shown in: the viewer's, else the round's (the plan's)."""
        tz = self.env.context.get("tz") or self.env.user.tz
        return tz if tz in pytz.all_timezones_set else None

    def _display_tz(self):
        """The time zone the guard's pages show the round's times in: the viewer's, else the
        plan's, else DEFAULT_TZ."""
        self.ensure_one()
        return self._viewer_tz() or self.plan_id.tz or DEFAULT_TZ

    @api.depends("route_id.name", "date_start", "plan_id.tz", "plan_id.shift_id.name")
    def _compute_name(self):
        """Route, local day and shift: no clock time (stored, so it cannot be in each viewer's
        time zone; the display name adds the start time in the viewer's time zone)."""
        for patrol in self:
            day = patrol.date_start and patrol._local(patrol.date_start).date().isoformat()
            parts = [patrol.route_id.name, day, patrol.plan_id.shift_id.name]
            patrol.name = " ".join(part for part in parts if part)

    @api.depends("route_id.name", "date_start", "plan_id.tz")
    @api.depends_context("tz", "uid")
    def _compute_display_name(self):
        tz = self._viewer_tz()
        for patrol in self:
            if not patrol.date_start:
                patrol.display_name = patrol.route_id.name or patrol.name or ""
                continue
            start = patrol._local(patrol.date_start, tz)
            patrol.display_name = (
                f"{patrol.route_id.name or ''} {start.date().isoformat()} {start:%H:%M}".strip()
            )

    def _format_time(self, value):
        """HH:MM of ``value`` (UTC) in the viewer's time zone (messages shown to people)."""
        self.ensure_one()
        return value and f"{self._local(value, self._viewer_tz()):%H:%M}"

    @api.depends("date_start", "route_id.expected_duration")
    def _compute_date_deadline(self):
        for patrol in self:
            patrol.date_deadline = patrol.date_start and patrol.date_start + timedelta(
                minutes=patrol.route_id.expected_duration
            )

    @api.depends("checkin_ids", "route_id.line_ids")
    def _compute_counts(self):
        for patrol in self:
            patrol.expected_count = len(patrol.route_id.line_ids)
            patrol.checkin_count = len(patrol.checkin_ids)

    # ------------------------------------------------------------------
    # Check-in
    # ------------------------------------------------------------------
    def check_in(
        self,
        token,
        answers=None,
        remark=None,
        is_problem=False,
        photo=None,
        client_ip=None,
        position=None,
    ):
        """Record a check-in at the checkpoint whose QR code carries ``token``.

        ``answers``: {checklist item id: (ok: bool, note)}. Refuses, with a clear message, a
        round that is not the guard's or is closed, an old or foreign QR code, a checkpoint
        that is not on this round and a second check-in at the same checkpoint.
        Failed items and a remark marked as a problem become findings for their department.
        ``client_ip`` (the request's address) and ``position`` ((latitude, longitude, accuracy
        in metres) from the phone, when the guard shares it) are recorded; a check-in faster
        than walking from the previous one, or with the phone away from the checkpoint, is
        flagged suspicious for the supervisors.
        """
        self.ensure_one()
        self._check_open_for_check_in()
        checkpoint = self._checkpoint_to_check_in(token)
        answers = answers or {}
        self._check_check_in_answers(checkpoint, answers, remark, is_problem)
        now = fields.Datetime.now()
        if now < self.date_start - timedelta(minutes=EARLY_MINUTES):
            raise UserError(
                self.env._(
                    "Round %s has not started yet: check in from its start time.", self.display_name
                )
            )
        checkin = self._create_checkin(
            checkpoint,
            now,
            answers,
            remark=remark,
            is_problem=is_problem,
            photo=photo,
            client_ip=client_ip,
            position=position,
        )
        if self.state == "planned" or not self.guard_id:
            # sudo: guards do not write rounds; the first check-in starts (and claims) it.
            self.sudo().write({"state": "in_progress", "guard_id": self.env.user.id})
        checkin = checkin.sudo(False)
        checkin._raise_findings()
        return checkin

    def _check_open_for_check_in(self):
        """The round is the guard's (or nobody's) and still open."""
        if self.guard_id and self.guard_id != self.env.user:
            raise UserError(self.env._("Round %s is assigned to another guard.", self.display_name))
        if self.state not in ("planned", "in_progress"):
            raise UserError(self.env._("Round %s is closed.", self.display_name))

    def _checkpoint_to_check_in(self, token):
        """The checkpoint of the QR code ``token``: a current code, on this round's route, not
        checked in yet on this round."""
        checkpoint = self.env["property.checkpoint"]._from_token(token)
        if not checkpoint:
            raise UserError(
                self.env._(
                    "This QR code is not valid: it is old, was replaced, or belongs to another "
                    "estate. Report it to your supervisor."
                )
            )
        if checkpoint not in self.route_id.line_ids.checkpoint_id:
            raise UserError(
                self.env._(
                    "Checkpoint %(checkpoint)s is not on your round %(round)s.",
                    checkpoint=checkpoint.name,
                    round=self.display_name,
                )
            )
        if checkpoint in self.checkin_ids.checkpoint_id:
            raise UserError(
                self.env._("You already checked in at %s on this round.", checkpoint.name)
            )
        return checkpoint

    def _check_check_in_answers(self, checkpoint, answers, remark, is_problem):
        """Every item of the checkpoint's checklist answered (and nothing else), each problem
        described in a note, a problem remark not empty."""
        unknown = set(answers) - set(checkpoint.checklist_item_ids.ids)
        if unknown:
            raise UserError(self.env._("Some answers are not on this checkpoint's checklist."))
        unanswered = checkpoint.checklist_item_ids.filtered(lambda item: item.id not in answers)
        if unanswered:
            raise UserError(
                self.env._(
                    "Answer every item of the checklist: %s", ", ".join(unanswered.mapped("name"))
                )
            )
        if any(not ok and not (note or "").strip() for ok, note in answers.values()):
            raise UserError(self.env._("Describe each problem in a note."))
        if is_problem and not (remark or "").strip():
            raise UserError(self.env._("Describe the problem in the remark."))

    def _create_checkin(
        self, checkpoint, now, answers, *, remark, is_problem, photo, client_ip, position
    ):
        """The check-in record (late, suspicious or not) with its answers."""
        reasons, distance = self._suspicion(checkpoint, now, position)
        latitude, longitude, accuracy = position or (0.0, 0.0, 0.0)
        # sudo: guards create check-ins only through check_in, which validated them.
        return (
            self.env["property.patrol.checkin"]
            .sudo()
            .create(
                {
                    "round_id": self.id,
                    "checkpoint_id": checkpoint.id,
                    "guard_id": self.env.user.id,
                    "date": now,
                    "remark": remark,
                    "is_problem": bool(is_problem),
                    "photo": photo,
                    "is_late": bool(self.date_deadline and now > self.date_deadline),
                    "client_ip": client_ip or False,
                    "has_position": bool(position),
                    "latitude": latitude,
                    "longitude": longitude,
                    "accuracy": accuracy,
                    "distance": distance,
                    "is_suspicious": bool(reasons),
                    "suspicious_reason": "\n".join(reasons) or False,
                    "answer_ids": [
                        fields.Command.create({"item_id": item_id, "ok": ok, "note": note})
                        for item_id, (ok, note) in answers.items()
                    ],
                }
            )
        )

    def _suspicion(self, checkpoint, now, position=None):
        """Why a check-in at ``checkpoint`` now looks remote: ([reasons], metres from the phone
        to the checkpoint or 0).

        * sooner after the round's previous check-in than the route leg's minimum minutes, or
          than walking the straight line between the two checkpoints' coordinates at the
          route's walking speed;
        * the phone's position farther from the checkpoint's coordinates than the route's
          tolerance plus the phone's own accuracy.
        """
        self.ensure_one()
        route = self.route_id
        reasons = []
        previous = self.checkin_ids.sorted(lambda c: (c.date, c.id))[-1:]
        if previous:
            elapsed = (now - previous.date).total_seconds() / 60
            line = route.line_ids.filtered(lambda x: x.checkpoint_id == checkpoint)[:1]
            minimum = line.min_minutes
            walk = 0
            if checkpoint.has_position and previous.checkpoint_id.has_position:
                walk = checkpoint._distance_to(
                    previous.checkpoint_id.latitude, previous.checkpoint_id.longitude
                )
                if route.walking_speed:
                    minimum = max(minimum, walk / (route.walking_speed * 1000 / 60))
            if elapsed < minimum:
                elapsed_text, minimum_text = f"{elapsed:.1f}", f"{minimum:.1f}"
                reasons.append(
                    self.env._(
                        "Checked in %(elapsed)s min after %(previous)s (%(walk)s m away): it "
                        "takes at least %(minimum)s min to get there.",
                        elapsed=elapsed_text,
                        previous=previous.checkpoint_id.name,
                        walk=round(walk),
                        minimum=minimum_text,
                    )
                )
        distance = 0
        if position and checkpoint.has_position:
            latitude, longitude, accuracy = position
            distance = round(checkpoint._distance_to(latitude, longitude))
            if distance > route.max_distance + accuracy:
                reasons.append(
                    self.env._(
                        "The phone was %(distance)s m from the checkpoint (accuracy ±%(accuracy)s "
                        "m, tolerance %(tolerance)s m).",
                        distance=distance,
                        accuracy=round(accuracy),
                        tolerance=route.max_distance,
                    )
                )
        return reasons, distance

    def action_close(self):
        """Close the round: flag late check-ins and missed checkpoints."""
        for patrol in self:
            if patrol.state not in ("planned", "in_progress"):
                continue
            missed = patrol.route_id.line_ids.checkpoint_id - patrol.checkin_ids.checkpoint_id
            late = patrol.checkin_ids.filtered("is_late")
            if not patrol.checkin_ids:
                state = "missed"
            elif missed:
                state = "incomplete"
            else:
                state = "done"
            patrol.write(
                {
                    "state": state,
                    "date_closed": fields.Datetime.now(),
                    "missed_checkpoint_ids": [fields.Command.set(missed.ids)],
                    "missed_count": len(missed),
                    "late_count": len(late),
                }
            )
            if missed or late:
                patrol.message_post(
                    body=Markup("%s<br/>%s")
                    % (
                        escape(self.env._("Missed: %s", ", ".join(missed.mapped("name")) or "-")),
                        escape(self.env._("Late check-ins: %s", len(late))),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    @api.model
    def _cron_close_overdue(self, grace_minutes=30, batch_size=500):
        """Close the rounds whose time is over, flagging what was missed or late:
        ``batch_size`` rounds per call of the scheduler."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._close_overdue_batch(grace_minutes, batch_size)
        )

    @api.model
    def _close_overdue_batch(self, grace_minutes, batch_size):
        limit = fields.Datetime.now() - timedelta(minutes=grace_minutes)
        domain = [("state", "in", ("planned", "in_progress")), ("date_deadline", "<", limit)]
        rounds = self.search(domain, order="id", limit=batch_size)
        rounds.action_close()
        return CronBatch(rounds, len(rounds), self.search_count(domain))
