import re
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import index_exists

from odoo.addons.property_butler_patrol.models.property_patrol_plan import guard_domain

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import (
    DEFAULT_TZ,
    default_tz,
    local_to_utc,
    tz_selection,
)

PERMIT_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("active", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]

# Decoration patrols (seed 000, 3.3.1, "每班不少于3次"): at least three checks per guard shift,
# between 08:00 and 22:00, for every shift that overlaps those hours (with the default shifts,
# 08:00-20:00 and 20:00-08:00: three in the day shift and three from 20:00 to 22:00).
DEFAULT_CHECK_TIMES = "09:00, 14:00, 19:00, 20:15, 21:00, 21:45"
MIN_CHECKS_PER_SHIFT = 3
PATROL_HOUR_FROM = 8.0
PATROL_HOUR_TO = 22.0


def in_shift(shift, hour):
    """Whether the local ``hour`` falls in ``shift`` (from its start, before its end)."""
    if shift.hour_from < shift.hour_to:
        return shift.hour_from <= hour < shift.hour_to
    return hour >= shift.hour_from or hour < shift.hour_to


def shift_patrol_windows(shift):
    """The parts of ``shift`` within the patrol hours 08:00-22:00, as (from, to) local hours."""
    if shift.hour_from < shift.hour_to:
        parts = [(shift.hour_from, shift.hour_to)]
    else:
        parts = [(shift.hour_from, 24.0), (0.0, shift.hour_to)]
    windows = []
    for start, end in parts:
        start, end = max(start, PATROL_HOUR_FROM), min(end, PATROL_HOUR_TO)
        if start < end:
            windows.append((start, end))
    return windows


def float_hhmm(hour):
    return f"{int(hour):02d}:{round(hour % 1 * 60):02d}"


class PropertyDecorationPermit(models.Model):
    """A decoration permit (裝修許可證) for a unit, with its responsibility agreement
    (《裝修工程施工責任書》), its workers and the decoration patrol checks."""

    _name = "property.decoration.permit"
    _description = "Decoration Permit"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    applicant_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        help="The owner or resident who applied for the permit.",
    )
    contractor_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        help="The decoration company or team doing the work.",
    )
    contractor_name = fields.Char(
        string="Contractor (if not a contact)",
        help="Name of the contractor when it is not recorded as a contact.",
    )
    scope = fields.Text(required=True, help="The work approved in the decoration application.")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    deposit = fields.Monetary(tracking=True, help="Decoration deposit, in the company currency.")
    agreement_file = fields.Binary(
        string="Responsibility Agreement",
        attachment=True,
        copy=False,
        help="The signed decoration responsibility agreement (裝修工程施工責任書); required "
        "before the permit is approved.",
    )
    agreement_filename = fields.Char(copy=False)
    hour_morning_from = fields.Float(string="Morning From", required=True, default=7.0)
    hour_morning_to = fields.Float(string="Morning To", required=True, default=12.0)
    hour_afternoon_from = fields.Float(string="Afternoon From", required=True, default=14.0)
    hour_afternoon_to = fields.Float(string="Afternoon To", required=True, default=19.0)
    check_times = fields.Char(
        string="Patrol Check Times",
        required=True,
        default=DEFAULT_CHECK_TIMES,
        help="Local times of the daily decoration patrol checks, separated by commas, between "
        "08:00 and 22:00: at least three in every guard shift that overlaps those hours.",
    )
    tz = fields.Selection(tz_selection, string="Time Zone", required=True, default=default_tz)
    guard_ids = fields.Many2many(
        "res.users",
        string="Guards",
        check_company=True,
        domain=lambda self: guard_domain(self.env),
        help="The checks are assigned to these guards in turn; left unassigned when empty.",
    )
    state = fields.Selection(
        PERMIT_STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    notes = fields.Html()
    worker_ids = fields.One2many("property.decoration.worker", "permit_id", string="Workers")
    stay_ids = fields.One2many(
        "property.decoration.stay", "permit_id", string="Overnight Stay Certificates"
    )
    check_ids = fields.One2many("property.decoration.check", "permit_id", string="Checks")
    worker_count = fields.Integer(compute="_compute_counts")
    check_count = fields.Integer(compute="_compute_counts")
    problem_check_count = fields.Integer(compute="_compute_counts", string="Checks with Problems")
    expired_worker_ids = fields.Many2many(
        "property.decoration.worker",
        compute="_compute_expired_worker_ids",
        string="Expired Passes",
        help="Workers whose pass has expired today.",
    )
    expired_worker_count = fields.Integer(compute="_compute_expired_worker_ids")
    shortfall_shift_count = fields.Integer(
        compute="_compute_counts",
        string="Shifts Short of Checks",
        help="Shifts with fewer than three decoration checks of this permit (missed ones).",
    )
    color = fields.Integer(compute="_compute_color")

    def init(self):
        # One permit in progress per unit, even when two requests race.
        if not index_exists(self.env.cr, "property_decoration_permit_unit_active_uniq"):
            self.env.cr.execute(
                "CREATE UNIQUE INDEX property_decoration_permit_unit_active_uniq "
                "ON property_decoration_permit (unit_id) WHERE state = 'active'"
            )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("worker_ids", "check_ids.has_problem", "check_ids.shift_shortfall")
    def _compute_counts(self):
        for permit in self:
            permit.worker_count = len(permit.worker_ids)
            permit.check_count = len(permit.check_ids)
            permit.problem_check_count = len(permit.check_ids.filtered("has_problem"))
            short = permit.check_ids.filtered("shift_shortfall")
            permit.shortfall_shift_count = len({(c.shift_id, c.shift_date) for c in short})

    @api.depends("worker_ids.pass_expiry")
    def _compute_expired_worker_ids(self):
        today = fields.Date.context_today(self)
        for permit in self:
            expired = permit.worker_ids.filtered(lambda w: w._pass_expired_on(today))
            permit.expired_worker_ids = expired
            permit.expired_worker_count = len(expired)

    def _compute_color(self):
        colors = {"draft": 0, "approved": 3, "active": 4, "done": 10, "cancelled": 1}
        for permit in self:
            permit.color = colors.get(permit.state, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end", "deposit")
    def _check_dates(self):
        for permit in self:
            if permit.deposit < 0:
                raise ValidationError(
                    self.env._("The deposit of permit %s cannot be negative.", permit.name)
                )
            if permit.date_start and permit.date_end and permit.date_end < permit.date_start:
                raise ValidationError(
                    self.env._(
                        "Permit %(permit)s ends on %(end)s, before it starts on %(start)s.",
                        permit=permit.name,
                        end=permit.date_end,
                        start=permit.date_start,
                    )
                )

    @api.constrains(
        "hour_morning_from", "hour_morning_to", "hour_afternoon_from", "hour_afternoon_to"
    )
    def _check_hours(self):
        for permit in self:
            hours = [
                permit.hour_morning_from,
                permit.hour_morning_to,
                permit.hour_afternoon_from,
                permit.hour_afternoon_to,
            ]
            if hours != sorted(hours) or hours[0] < 0 or hours[-1] > 24 or hours[0] == hours[1]:
                raise ValidationError(
                    self.env._(
                        "The allowed working hours of permit %s must be two time ranges within "
                        "the day, the morning one before the afternoon one.",
                        permit.name,
                    )
                )

    @api.constrains("check_times", "unit_id")
    def _check_check_times(self):
        shifts = self.env["property.patrol.shift"].search(
            [("company_id", "in", self.company_id.ids)]
        )
        for permit in self:
            times = permit._parse_check_times()
            for shift in shifts.filtered(lambda s, p=permit: s.company_id == p.company_id):
                windows = shift_patrol_windows(shift)
                if not windows:
                    continue
                count = sum(1 for hour in times if hour <= PATROL_HOUR_TO and in_shift(shift, hour))
                if count < MIN_CHECKS_PER_SHIFT:
                    raise ValidationError(
                        self.env._(
                            "A decorating unit is checked at least %(count)s times per shift "
                            "between 08:00 and 22:00: shift %(shift)s is patrolled from %(hours)s, "
                            "give permit %(permit)s at least %(count)s check times then.",
                            count=MIN_CHECKS_PER_SHIFT,
                            shift=shift.name,
                            hours=", ".join(f"{float_hhmm(a)}-{float_hhmm(b)}" for a, b in windows),
                            permit=permit.name,
                        )
                    )

    @api.constrains("guard_ids")
    def _check_guards(self):
        for permit in self:
            strangers = permit.guard_ids._property_not_guards()
            if strangers:
                raise ValidationError(
                    self.env._(
                        "Only patrol guards do decoration patrols: %s is not one.",
                        ", ".join(strangers.mapped("name")),
                    )
                )

    @api.constrains("unit_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        """One permit approved or in progress per unit for any day."""
        busy = self.filtered(lambda p: p.state in ("approved", "active"))
        if not busy:
            return
        others = self.search(
            [("unit_id", "in", busy.unit_id.ids), ("state", "in", ("approved", "active"))]
        )
        for permit in busy:
            clash = others.filtered(
                lambda o, p=permit: (
                    o != p
                    and o.unit_id == p.unit_id
                    and o.date_start <= p.date_end
                    and p.date_start <= o.date_end
                )
            )[:1]
            if clash:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s already has decoration permit %(other)s (%(start)s to "
                        "%(end)s, %(state)s); permit %(permit)s overlaps it. A unit has one "
                        "permit in progress at a time: close or cancel the other one first, or "
                        "change the dates.",
                        unit=permit.unit_id.display_name,
                        other=clash.name,
                        start=clash.date_start,
                        end=clash.date_end,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            clash.state
                        ],
                        permit=permit.name,
                    )
                )

    def _parse_check_times(self):
        """The local times of the daily checks, as sorted floats (hours)."""
        self.ensure_one()
        times = set()
        for part in filter(None, (p.strip() for p in (self.check_times or "").split(","))):
            match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", part)
            hour = match and int(match.group(1)) + int(match.group(2) or 0) / 60.0
            if not match or not PATROL_HOUR_FROM <= hour <= PATROL_HOUR_TO:
                raise ValidationError(
                    self.env._(
                        "Patrol check time %(time)s of permit %(permit)s is not a time between "
                        "08:00 and 22:00 (write times like 09:00, 14:00, 19:00).",
                        time=part,
                        permit=self.name,
                    )
                )
            times.add(hour)
        if len(times) < MIN_CHECKS_PER_SHIFT:
            raise ValidationError(
                self.env._(
                    "A decorating unit is checked at least %(count)s times a shift: give permit "
                    "%(permit)s at least %(count)s different check times.",
                    count=MIN_CHECKS_PER_SHIFT,
                    permit=self.name,
                )
            )
        return sorted(times)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.decoration.permit")
        return super().create(vals_list)

    def write(self, vals):
        if "agreement_file" in vals and not vals["agreement_file"]:
            approved = self.filtered(lambda p: p.state in ("approved", "active"))
            if approved:
                raise UserError(
                    self.env._(
                        "Permit %s is approved: its signed responsibility agreement cannot be "
                        "removed.",
                        approved[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_progress(self):
        busy = self.filtered(lambda p: p.state in ("approved", "active", "done"))
        if busy:
            raise UserError(
                self.env._(
                    "Permit %s was approved: cancel it instead of deleting it.", busy[0].name
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _refuse_unless_state(self, states, action):
        wrong = self.filtered(lambda p: p.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "Permit %(permit)s is %(state)s: it cannot be %(action)s.",
                    permit=wrong[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        wrong[0].state
                    ],
                    action=action,
                )
            )

    def action_approve(self):
        """Approve the permit; it starts at once when its start date has come."""
        self._refuse_unless_state(("draft",), self.env._("approved"))
        missing = self.filtered(lambda p: not p.agreement_file)
        if missing:
            raise UserError(
                self.env._(
                    "Attach the signed decoration responsibility agreement (裝修工程施工責任書) to "
                    "permit %s before approving it.",
                    missing[0].name,
                )
            )
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        today = fields.Date.context_today(self)
        self.filtered(lambda p: p.date_start <= today <= p.date_end)._activate()
        return True

    def action_start(self):
        """Start the work of an approved permit (the daily scheduled action does it too)."""
        self._refuse_unless_state(("approved",), self.env._("started"))
        today = fields.Date.context_today(self)
        early = self.filtered(lambda p: p.date_start > today)
        if early:
            raise UserError(
                self.env._(
                    "Permit %(permit)s starts on %(start)s: the work cannot start earlier.",
                    permit=early[0].name,
                    start=early[0].date_start,
                )
            )
        self._activate()
        return True

    def action_done(self):
        """Close the permit: the decoration is over."""
        self._refuse_unless_state(("active",), self.env._("closed"))
        self._finish("done")
        return True

    def action_cancel(self):
        self._refuse_unless_state(("draft", "approved", "active"), self.env._("cancelled"))
        self._finish("cancelled")
        return True

    def action_draft(self):
        self._refuse_unless_state(("cancelled",), self.env._("reset to draft"))
        self.write({"state": "draft", "approved_by_id": False, "date_approved": False})
        return True

    def _activate(self):
        """Put the permits in progress: their units show Decorating, checks are planned."""
        if not self:
            return self
        self.write({"state": "active"})
        # The unit status follows the permit; the permit rights decide who may do this.
        self.unit_id.sudo().write({"is_decorating": True})
        today = fields.Date.context_today(self)
        self._generate_checks([today, today + timedelta(days=1)])
        return self

    def _finish(self, state):
        """Close or cancel the permits; the units of those in progress stop decorating."""
        if not self:
            return self
        was_active = self.filtered(lambda p: p.state == "active")
        self.write({"state": state, "date_closed": fields.Date.context_today(self)})
        was_active.unit_id.sudo().write({"is_decorating": False})
        # Checks still to come are no longer needed.
        self.env["property.decoration.check"].sudo().search(
            [
                ("permit_id", "in", self.ids),
                ("state", "=", "planned"),
                ("date_planned", ">", fields.Datetime.now()),
            ]
        ).unlink()
        return self

    # ------------------------------------------------------------------
    # Scheduled actions
    # ------------------------------------------------------------------
    def _lock_rows(self, limit=None):
        """Lock these permits, at most ``limit`` of them, by id (SKIP LOCKED: another run is
        handling the others) and return those that were locked, with their state read again."""
        if not self or limit == 0:
            return self.browse()
        self.env.cr.execute(
            f"SELECT id FROM {self._table} WHERE id IN %s ORDER BY id LIMIT %s"  # noqa: S608
            " FOR UPDATE SKIP LOCKED",
            [tuple(self.ids), limit],
        )
        locked = self.browse(row[0] for row in self.env.cr.fetchall())
        locked.invalidate_recordset(["state"])
        return locked

    def _local_today(self):
        self.ensure_one()
        return datetime.now(pytz.timezone(self.tz or DEFAULT_TZ)).date()

    @api.model
    def _cron_update_states(self, batch_size=200):
        """Close the permits past their end date and start those whose start date came:
        ``batch_size`` permits per call of the scheduler, those to close first.

        Idempotent: only permits still in the state to change are taken, under a row lock.
        "Today" is the permit's own (its time zone), not the scheduler's. Returns the permits
        started."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._update_states_batch(batch_size)
        )

    @api.model
    def _update_states_batch(self, batch_size):
        utc_today = fields.Date.today()
        finished = self.search(
            [("state", "=", "active"), ("date_end", "<", utc_today + timedelta(days=1))],
            order="id",
        ).filtered(lambda p: p.date_end < p._local_today())
        due = self.search(
            [
                ("state", "=", "approved"),
                ("date_start", "<=", utc_today + timedelta(days=1)),
                ("date_end", ">=", utc_today - timedelta(days=1)),
            ],
            order="id",
        ).filtered(lambda p: p.date_start <= p._local_today() <= p.date_end)
        closing = finished._lock_rows(limit=batch_size)
        closing.filtered(lambda p: p.state == "active")._finish("done")
        starting = due._lock_rows(limit=batch_size - len(closing))
        started = starting.filtered(lambda p: p.state == "approved")._activate()
        done = len(closing) + len(starting)
        return CronBatch(started, done, len(finished) + len(due) - done)

    @api.model
    def _cron_generate_checks(self, days_ahead=1, batch_size=50):
        """Plan the decoration checks of today and the next ``days_ahead`` days for every
        permit in progress: ``batch_size`` permits per call of the scheduler, by id.

        Idempotent: a permit's row is locked while its checks are created, existing checks are
        skipped and (permit, planned time) is unique."""
        today = fields.Date.context_today(self)
        days = [today + timedelta(days=offset) for offset in range(days_ahead + 1)]
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._generate_checks_batch(days, batch_size, cursor)
        )

    @api.model
    def _generate_checks_batch(self, days, batch_size, cursor):
        """The checks of the next ``batch_size`` permits in progress after ``cursor``
        ([day, last permit id] of the previous batch of the day's run)."""
        day = fields.Date.to_string(days[0])
        after = cursor[1] if cursor and cursor[0] == day else 0
        permits = self.search([("state", "=", "active"), ("id", ">", after)], order="id")
        batch = permits[:batch_size]
        locked = batch._lock_rows()
        created = locked.filtered(lambda p: p.state == "active")._generate_checks(days)
        return CronBatch(created, len(batch), len(permits) - len(batch), [day, batch[-1:].id])

    def _check_slots(self, day):
        """UTC (naive) times of ``day``'s checks, from the local check times."""
        self.ensure_one()
        return [local_to_utc(day, hour, self.tz) for hour in self._parse_check_times()]

    def _generate_checks(self, days):
        """Create the missing future checks of these permits for ``days`` (within the permit
        dates), in one query and one create; guards take them in turn."""
        Check = self.env["property.decoration.check"].sudo()
        if not self:
            return Check
        first = datetime.combine(min(days) - timedelta(days=1), time.min)
        last = datetime.combine(max(days) + timedelta(days=2), time.min)
        checks = Check.search_fetch(
            [
                ("permit_id", "in", self.ids),
                ("date_planned", ">=", first),
                ("date_planned", "<", last),
            ],
            ["permit_id", "date_planned"],
        )
        existing = {(c.permit_id.id, c.date_planned) for c in checks}
        now = fields.Datetime.now()
        vals_list = []
        for permit in self:
            guards = permit.guard_ids.sorted("id")
            for day in days:
                if not permit.date_start <= day <= permit.date_end:
                    continue
                slots = permit._check_slots(day)
                for index, planned in enumerate(slots):
                    if planned < now or (permit.id, planned) in existing:
                        continue
                    turn = day.toordinal() * len(slots) + index
                    vals_list.append(
                        {
                            "permit_id": permit.id,
                            "date_planned": planned,
                            "guard_id": guards[turn % len(guards)].id if guards else False,
                        }
                    )
        return Check.create(vals_list).sudo(False)

    # ------------------------------------------------------------------
    # Notes and actions
    # ------------------------------------------------------------------
    def _post_violation_note(self, check):
        """Tell the permit's followers that a check stopped the work or took a pass."""
        self.ensure_one()
        action = dict(check._fields["action_taken"]._description_selection(self.env))[
            check.action_taken
        ]
        body = Markup("<p><b>%s</b></p><p>%s</p>") % (
            self.env._(
                "Decoration check %(time)s by %(guard)s: %(action)s",
                time=check.display_name,
                guard=check.guard_id.name,
                action=action,
            ),
            check.violation or "",
        )
        if check.notes:
            body += Markup("<p>%s</p>") % escape(check.notes)
        # Guards only read permits; the note is theirs all the same.
        self.sudo().message_post(
            body=body, subtype_xmlid="mail.mt_note", author_id=self.env.user.partner_id.id
        )

    def _notify_front_desk_confiscated(self, workers, reason):
        """An activity on each permit for the front desk: these passes were confiscated."""
        users = self.env["res.users"].search(
            [
                (
                    "groups_id",
                    "in",
                    self.env.ref("property_butler.property_butler_group_front_desk").id,
                ),
                (
                    "groups_id",
                    "not in",
                    self.env.ref("property_butler.property_butler_group_butler").id,
                ),
                ("company_ids", "in", self.company_id.ids),
                ("share", "=", False),
            ],
            order="id",
        )
        for permit in self:
            taken = workers.filtered(lambda w, p=permit: w.permit_id == p)
            user = users.filtered(lambda u, p=permit: p.company_id in u.company_ids)[:1]
            user = user or permit.project_id._get_escalation_user() or self.env.user
            # Guards only read permits; the activity is theirs all the same.
            permit.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=self.env._("Worker passes confiscated"),
                note=self.env._(
                    "%(guard)s confiscated these passes of permit %(permit)s: %(passes)s. "
                    "Reason: %(reason)s",
                    guard=self.env.user.name,
                    permit=permit.name,
                    passes=", ".join(taken.mapped("display_name")),
                    reason=reason,
                ),
            )

    def _notify_shortfall(self, checks):
        """An activity for the guards' supervisor (the project's) on each permit with a shift
        short of checks; one open at a time per permit."""
        summary = self.env._("Decoration checks short in a shift")
        if self:
            # A new row version of each permit: a concurrent run alerting on the same permit
            # fails on serialization (and retries) instead of opening a second activity.
            self.env.cr.execute(
                "UPDATE property_decoration_permit SET write_date = write_date WHERE id IN %s",
                [tuple(self.ids)],
            )
        for permit in self:
            if permit.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            short = checks.filtered(lambda c, p=permit: c.permit_id == p)
            user = permit.project_id._get_escalation_user()
            if not user:
                continue
            permit.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=summary,
                note=self.env._(
                    "Fewer than %(count)s checks of permit %(permit)s in: %(shifts)s.",
                    count=MIN_CHECKS_PER_SHIFT,
                    permit=permit.name,
                    shifts=", ".join(sorted({f"{c.shift_date} {c.shift_id.name}" for c in short})),
                ),
            )

    def action_view_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_decoration.property_decoration_check_action"
        )
        action["domain"] = [("permit_id", "=", self.id)]
        action["context"] = {"default_permit_id": self.id}
        return action

    def action_print_permit(self):
        return self.env.ref(
            "property_butler_decoration.property_decoration_permit_report_permit_action"
        ).report_action(self)

    def action_print_passes(self):
        return self.env.ref(
            "property_butler_decoration.property_decoration_worker_report_pass_action"
        ).report_action(self.worker_ids.filtered("pass_active"))

    def action_print_monitoring(self):
        return self.env.ref(
            "property_butler_decoration.property_decoration_permit_report_monitoring"
        ).report_action(self)
