from datetime import timedelta

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import utc_to_local

from .property_decoration_permit import MIN_CHECKS_PER_SHIFT, float_hhmm, in_shift

CHECK_STATES = [("planned", "Planned"), ("done", "Done"), ("missed", "Missed")]

# The checklist of a decoration patrol (seed 000, 3.3): each field is ticked when the item is a
# problem; the labels are the item as the register 《裝修現場監控記錄表》 states it.
CHECKLIST = [
    ("problem_permit_posted", "Permit and agreement posted"),
    ("problem_worker_pass", "Worker passes valid"),
    ("problem_extinguisher", "Fire extinguisher present"),
    ("problem_hot_work", "Hot work by a certified operator"),
    ("problem_hours", "Working hours respected"),
    ("problem_debris", "Debris moved only after 18:00"),
    ("problem_fire_passage", "Fire passages clear"),
    ("problem_overnight", "Overnight stays certified"),
]
PROBLEM_FIELDS = [name for name, _label in CHECKLIST]
# What the guard sees on site; the check tests it against the rules (seed 000, 3.3.2-3.3.6).
OBSERVED_FIELDS = [
    "work_in_progress",
    "debris_being_moved",
    "hot_work_worker_ids",
    "wrong_holder_worker_ids",
    "staying_worker_ids",
]
ANSWER_FIELDS = [*PROBLEM_FIELDS, *OBSERVED_FIELDS, "notes", "violation", "action_taken"]
# Debris is moved only after 18:00 (seed 000, 3.3.6).
DEBRIS_HOUR_FROM = 18.0

ACTIONS_TAKEN = [
    ("warning", "Warning"),
    ("work_stopped", "Work Stopped"),
    ("pass_confiscated", "Pass Confiscated"),
    ("fine", "Fine"),
    ("other", "Other"),
]
# Actions the permit's followers must hear about.
SERIOUS_ACTIONS = ("work_stopped", "pass_confiscated")


# A check may be done up to this long before its planned time, not earlier.
EARLY_MINUTES = 30


class PropertyDecorationCheck(models.Model):
    """One decoration patrol check of a decorating unit, logged in 《裝修現場監控記錄表》."""

    _name = "property.decoration.check"
    _description = "Decoration Patrol Check"
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    permit_id = fields.Many2one(
        "property.decoration.permit",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    unit_id = fields.Many2one(related="permit_id.unit_id", store=True, index=True)
    project_id = fields.Many2one(related="permit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="permit_id.company_id", store=True, index=True, precompute=True
    )
    date_planned = fields.Datetime(string="Planned At", required=True, index=True)
    date_done = fields.Datetime(string="Checked At", readonly=True, copy=False)
    guard_id = fields.Many2one("res.users", index=True, check_company=True)
    state = fields.Selection(
        CHECK_STATES, default="planned", required=True, index=True, readonly=True, copy=False
    )
    problem_permit_posted = fields.Boolean(
        string="Permit or Agreement Not Posted",
        help="The decoration permit and the responsibility agreement are not posted on site.",
    )
    problem_worker_pass = fields.Boolean(
        string="Worker Pass Missing or Expired",
        help="A worker has no pass, someone else's, or an expired one (confiscate it and tell "
        "the front desk). Set automatically when a listed pass has expired.",
    )
    problem_extinguisher = fields.Boolean(
        string="No Fire Extinguisher", help="No fire extinguisher on site as required."
    )
    problem_hot_work = fields.Boolean(
        string="Hot Work Without Certificate",
        help="Hot work without a certified operator or without precautions; cooking on site.",
    )
    problem_hours = fields.Boolean(
        string="Work Outside Allowed Hours",
        help="Work outside the allowed hours of the permit (by default 07:00-12:00, 14:00-19:00).",
    )
    problem_debris = fields.Boolean(
        string="Debris Mishandled", help="Debris moved before 18:00 or left outside the unit."
    )
    problem_fire_passage = fields.Boolean(
        string="Fire Passage Blocked", help="Materials or debris block a fire passage."
    )
    problem_overnight = fields.Boolean(
        string="Stay Without Certificate",
        help="A worker stays overnight on site without a valid stay certificate (留宿證明).",
    )
    work_in_progress = fields.Boolean(
        string="Work Going On", help="Workers were working at the time of the check."
    )
    debris_being_moved = fields.Boolean(help="Debris was being moved out at the time of the check.")
    hot_work_worker_ids = fields.Many2many(
        "property.decoration.worker",
        "property_decoration_check_hot_work_rel",
        "check_id",
        "worker_id",
        string="Doing Hot Work",
        domain="[('permit_id', '=', permit_id)]",
        help="The workers found doing hot work (welding, cutting): each needs a valid operator "
        "certificate for it.",
    )
    wrong_holder_worker_ids = fields.Many2many(
        "property.decoration.worker",
        "property_decoration_check_wrong_holder_rel",
        "check_id",
        "worker_id",
        string="Passes Held by Another Person",
        domain="[('permit_id', '=', permit_id)]",
        help="Passes of the register shown by someone who is not the registered worker: they "
        "are confiscated.",
    )
    staying_worker_ids = fields.Many2many(
        "property.decoration.worker",
        "property_decoration_check_staying_rel",
        "check_id",
        "worker_id",
        string="Workers Staying Overnight",
        domain="[('permit_id', '=', permit_id)]",
        help="At a night check, the workers staying on site: each needs a stay certificate "
        "(留宿證明) for the night.",
    )
    confiscated_worker_ids = fields.Many2many(
        "property.decoration.worker",
        "property_decoration_check_confiscated_rel",
        "check_id",
        "worker_id",
        string="Passes Confiscated",
        readonly=True,
        copy=False,
    )
    shift_id = fields.Many2one(
        "property.patrol.shift",
        compute="_compute_shift",
        store=True,
        index=True,
        help="The guard shift of the planned time.",
    )
    shift_date = fields.Date(
        compute="_compute_shift", store=True, help="The day the shift started (local)."
    )
    shift_check_count = fields.Integer(
        compute="_compute_shift_shortfall",
        store=True,
        string="Checks in Shift",
        help="Checks of the permit done or still to do in this shift.",
    )
    shift_shortfall = fields.Boolean(
        compute="_compute_shift_shortfall",
        store=True,
        index=True,
        string="Shift Short of Checks",
        help="The permit has fewer than three checks done or to do in this shift (seed: at "
        "least three per shift).",
    )
    has_problem = fields.Boolean(
        compute="_compute_has_problem", store=True, index=True, string="Problem"
    )
    notes = fields.Text()
    violation = fields.Text(help="What the violation was.")
    action_taken = fields.Selection(ACTIONS_TAKEN)
    expired_worker_ids = fields.Many2many(
        "property.decoration.worker",
        compute="_compute_expired_worker_ids",
        string="Expired Passes",
        help="Workers of the permit whose pass had expired on the day of the check.",
    )
    expired_worker_count = fields.Integer(compute="_compute_expired_worker_ids")
    ticket_ids = fields.Many2many(
        "property.ticket",
        "property_decoration_check_ticket_rel",
        "check_id",
        "ticket_id",
        string="Findings",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "permit_planned_uniq",
            "unique(permit_id, date_planned)",
            "This permit already has a check planned at that time.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _local(self, value):
        """``value`` (naive UTC) in the time zone of the permit."""
        return utc_to_local(value, self.permit_id.tz)

    @api.depends("permit_id.unit_id.code", "permit_id.tz", "date_planned")
    def _compute_name(self):
        for check in self:
            when = check.date_planned and check._local(check.date_planned)
            check.name = " ".join(
                filter(None, [check.unit_id.code, when and when.strftime("%Y-%m-%d %H:%M")])
            )

    @api.depends("date_planned", "permit_id.tz", "company_id")
    def _compute_shift(self):
        shifts = self.env["property.patrol.shift"].search(
            [("company_id", "in", self.company_id.ids)], order="hour_from, id"
        )
        for check in self:
            local = check.date_planned and check._local(check.date_planned)
            hour = local and local.hour + local.minute / 60.0
            shift = (
                local
                and shifts.filtered(
                    lambda s, c=check, h=hour: s.company_id == c.company_id and in_shift(s, h)
                )[:1]
            )
            check.shift_id = shift
            day = local and local.date()
            if shift and shift.hour_from > shift.hour_to and hour < shift.hour_to:
                day -= timedelta(days=1)  # after midnight: the night shift of the day before
            check.shift_date = day

    @api.depends("permit_id.check_ids.state", "permit_id.check_ids.shift_date", "shift_id")
    def _compute_shift_shortfall(self):
        # The checks done or to do per (permit, shift, day), counted once per permit.
        counts = {}
        for permit in self.permit_id:
            for sibling in permit.check_ids:
                if sibling.state != "missed":
                    key = (permit.id, sibling.shift_id.id, sibling.shift_date)
                    counts[key] = counts.get(key, 0) + 1
        for check in self:
            count = counts.get((check.permit_id.id, check.shift_id.id, check.shift_date), 0)
            check.shift_check_count = count
            check.shift_shortfall = bool(
                check.shift_id and check.permit_id and count < MIN_CHECKS_PER_SHIFT
            )

    @api.depends(*PROBLEM_FIELDS, "action_taken")
    def _compute_has_problem(self):
        for check in self:
            check.has_problem = bool(check.action_taken) or any(
                check[name] for name in PROBLEM_FIELDS
            )

    @api.depends("permit_id.worker_ids.pass_expiry", "date_done", "date_planned")
    def _compute_expired_worker_ids(self):
        for check in self:
            when = check.date_done or check.date_planned
            day = when and check._local(when).date()
            expired = check.permit_id.worker_ids.filtered(lambda w, d=day: w._pass_expired_on(d))
            check.expired_worker_ids = expired
            check.expired_worker_count = len(expired)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        supervisor = self.env.su or self.env.user.has_group(
            "property_butler.property_butler_group_supervisor"
        )
        recording = self.env.context.get("property_decoration_recording")
        if not supervisor and not recording and set(vals) & {"state", "date_done", "guard_id"}:
            raise UserError(self.env._("A decoration check is recorded with its Check button."))
        if not supervisor:
            locked = set(vals) & {*ANSWER_FIELDS, "guard_id", "date_planned", "permit_id"}
            done = self.filtered(lambda c: c.state == "done")
            if locked and done:
                raise UserError(
                    self.env._("Check %s is done: only a supervisor can change it.", done[0].name)
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Check-in
    # ------------------------------------------------------------------
    def action_check(self, values=None):
        """Record this check as the current guard, at the server time.

        ``values``: the answers, among the checklist fields (True when the item is a problem),
        ``notes``, ``violation`` and ``action_taken``. Refuses a check already done, another
        guard's check and a permit no longer in progress. A listed pass expired on the day
        flags the worker passes item. A problem becomes a finding (ticket) for the unit; a
        stopped work or a confiscated pass is noted on the permit."""
        self.ensure_one()
        values = dict(values or {})
        unknown = set(values) - set(ANSWER_FIELDS)
        if unknown:
            raise UserError(
                self.env._(
                    "These answers are not on the decoration checklist: %s.",
                    ", ".join(sorted(unknown)),
                )
            )
        if self.state == "done":
            raise UserError(
                self.env._(
                    "Check %(check)s was already done by %(guard)s.",
                    check=self.name,
                    guard=self.guard_id.name,
                )
            )
        if self.guard_id and self.guard_id != self.env.user:
            raise UserError(
                self.env._(
                    "Check %(check)s is assigned to %(guard)s.",
                    check=self.name,
                    guard=self.guard_id.name,
                )
            )
        if self.permit_id.state != "active":
            raise UserError(
                self.env._(
                    "Permit %s is not in progress: its checks are closed.", self.permit_id.name
                )
            )
        action_taken = values.get("action_taken", self.action_taken)
        violation = values.get("violation", self.violation)
        if action_taken and not (violation or "").strip():
            raise UserError(
                self.env._("Describe the violation for which you took action (%s).", self.name)
            )
        now = fields.Datetime.now()
        if self.date_planned and now < self.date_planned - timedelta(minutes=EARLY_MINUTES):
            raise UserError(
                self.env._(
                    "Check %(check)s is planned at %(time)s: it cannot be done before.",
                    check=self.name,
                    time=self._local(self.date_planned).strftime("%H:%M"),
                )
            )
        recording = self.with_context(property_decoration_recording=True)
        recording.write(values)
        recording.write(
            {
                **self._test_rules(now),
                "state": "done",
                "date_done": now,
                "guard_id": self.env.user.id,
            }
        )
        if self.has_problem:
            self._raise_finding()
        if self.action_taken in SERIOUS_ACTIONS:
            self.permit_id._post_violation_note(self)
        return self

    def _test_rules(self, now):
        """What the check's time and answers break among the rules of seed 000, 3.3: work
        outside the permit's hours, debris moved before 18:00, hot work without a valid
        operator certificate, expired or another person's passes (confiscated), workers
        staying overnight without a stay certificate. Returns the values to write."""
        self.ensure_one()
        permit = self.permit_id
        local = self._local(now)
        hour = local.hour + local.minute / 60.0
        today = local.date()
        found = []
        vals = {}
        in_hours = (
            permit.hour_morning_from <= hour < permit.hour_morning_to
            or permit.hour_afternoon_from <= hour < permit.hour_afternoon_to
        )
        if self.work_in_progress and not in_hours:
            vals["problem_hours"] = True
            found.append(
                self.env._(
                    "Work at %(time)s, outside the allowed hours %(hours)s.",
                    time=local.strftime("%H:%M"),
                    hours=", ".join(
                        f"{float_hhmm(a)}-{float_hhmm(b)}"
                        for a, b in (
                            (permit.hour_morning_from, permit.hour_morning_to),
                            (permit.hour_afternoon_from, permit.hour_afternoon_to),
                        )
                    ),
                )
            )
        if self.debris_being_moved and hour < DEBRIS_HOUR_FROM:
            vals["problem_debris"] = True
            found.append(self.env._("Debris moved at %s, before 18:00.", local.strftime("%H:%M")))
        uncertified = self.hot_work_worker_ids.filtered(
            lambda w: not w._hot_work_certified_on(today)
        )
        if uncertified:
            vals["problem_hot_work"] = True
            found.append(
                self.env._(
                    "Hot work without a valid operator certificate: %s.",
                    ", ".join(uncertified.mapped("name")),
                )
            )
        # A night check: who stays after the working hours (or before they start) needs the
        # service centre's stay certificate for that night.
        night = today - timedelta(days=1) if hour < permit.hour_morning_from else today
        unstayed = self.staying_worker_ids.filtered(lambda w: not w._stay_certified_on(night))
        if unstayed:
            vals["problem_overnight"] = True
            found.append(
                self.env._(
                    "Staying overnight without a stay certificate: %s.",
                    ", ".join(unstayed.mapped("name")),
                )
            )
        expired = permit.worker_ids.filtered(lambda w: w.pass_active and w._pass_expired_on(today))
        wrong = self.wrong_holder_worker_ids.filtered("pass_active")
        if expired or wrong:
            vals["problem_worker_pass"] = True
            reasons = []
            if expired:
                reasons.append(self.env._("expired: %s", ", ".join(expired.mapped("display_name"))))
            if wrong:
                reasons.append(
                    self.env._(
                        "held by another person: %s", ", ".join(wrong.mapped("display_name"))
                    )
                )
            reason = "; ".join(reasons)
            found.append(self.env._("Passes confiscated (%s).", reason))
            taken = (expired | wrong)._confiscate(reason)
            vals["confiscated_worker_ids"] = [Command.link(w.id) for w in taken]
            if not self.action_taken:
                vals["action_taken"] = "pass_confiscated"
        if found:
            vals["violation"] = "\n".join(filter(None, [self.violation, *found]))
        return vals

    def action_record(self):
        """Form button: record the check with the answers entered in the form."""
        return self.action_check()

    def _problem_labels(self):
        self.ensure_one()
        return [
            self._fields[name]._description_string(self.env)
            for name in PROBLEM_FIELDS
            if self[name]
        ]

    def _raise_finding(self):
        """One finding (ticket) per check with problems, for the permit's unit."""
        finding_type = self.env.ref("property_butler_ticket.property_ticket_type_finding")
        vals_list = []
        for check in self.filtered("has_problem"):
            problems = check._problem_labels()
            items = Markup("").join(Markup("<li>%s</li>") % label for label in problems)
            description = Markup("<p>%s</p>") % self.env._(
                "Decoration check %(check)s (permit %(permit)s) found these problems:",
                check=check.name,
                permit=check.permit_id.name,
            )
            if items:
                description += Markup("<ul>%s</ul>") % items
            if check.expired_worker_ids:
                description += Markup("<p>%s</p>") % self.env._(
                    "Expired passes: %s", ", ".join(check.expired_worker_ids.mapped("display_name"))
                )
            if check.violation:
                actions = dict(self._fields["action_taken"]._description_selection(self.env))
                description += Markup("<p>%s</p>") % self.env._(
                    "Violation: %(violation)s. Action taken: %(action)s.",
                    violation=check.violation,
                    action=actions.get(check.action_taken, "-"),
                )
            if check.notes:
                description += Markup("<p>%s</p>") % escape(check.notes)
            vals_list.append(
                {
                    "ticket_type_id": finding_type.id,
                    "channel": "patrol",
                    "project_id": check.project_id.id,
                    "unit_id": check.unit_id.id,
                    "company_id": check.company_id.id,
                    "title": self.env._(
                        "Decoration %(unit)s: %(problems)s",
                        unit=check.unit_id.code,
                        problems=", ".join(problems) or check.violation[:60],
                    ),
                    "description": description,
                }
            )
        tickets = self.env["property.ticket"].create(vals_list)
        for check, ticket in zip(self.filtered("has_problem"), tickets, strict=True):
            check.ticket_ids = [Command.link(ticket.id)]
        return tickets

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    @api.model
    def _cron_mark_missed(self, grace_minutes=120, batch_size=1000):
        """Mark the planned checks whose time is long past as missed (idempotent):
        ``batch_size`` checks per call of the scheduler."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._mark_missed_batch(grace_minutes, batch_size)
        )

    @api.model
    def _mark_missed_batch(self, grace_minutes, batch_size):
        limit = fields.Datetime.subtract(fields.Datetime.now(), minutes=grace_minutes)
        domain = [("state", "=", "planned"), ("date_planned", "<", limit)]
        checks = self.search(domain, order="id", limit=batch_size)
        if checks:
            # Another run marking the same checks holds their rows: skip them (its alert is
            # sent); one that already committed makes this lock fail on serialization, and
            # the rolled-back run finds them missed when retried.
            self.env.cr.execute(
                "SELECT id FROM property_decoration_check WHERE id IN %s AND state = 'planned' "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                [tuple(checks.ids)],
            )
            checks = self.browse(row[0] for row in self.env.cr.fetchall())
        checks.write({"state": "missed"})
        short = checks.filtered(lambda c: c.shift_shortfall and c.permit_id.state == "active")
        short.permit_id._notify_shortfall(short)
        return CronBatch(checks, len(checks), self.search_count(domain))
