from datetime import timedelta

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import utc_to_local

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
]
PROBLEM_FIELDS = [name for name, _label in CHECKLIST]
ANSWER_FIELDS = [*PROBLEM_FIELDS, "notes", "violation", "action_taken"]

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
        today = self._local(now).date()
        if self.permit_id.worker_ids.filtered(lambda w: w._pass_expired_on(today)):
            values["problem_worker_pass"] = True
        values.update({"state": "done", "date_done": now, "guard_id": self.env.user.id})
        self.with_context(property_decoration_recording=True).write(values)
        if self.has_problem:
            self._raise_finding()
        if self.action_taken in SERIOUS_ACTIONS:
            self.permit_id._post_violation_note(self)
        return self

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
        checks.write({"state": "missed"})
        return CronBatch(checks, len(checks), self.search_count(domain))
