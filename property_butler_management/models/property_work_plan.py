from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

GROUP = "property_butler.property_butler_group_"
PERIOD_TYPES = [("week", "Weekly"), ("month", "Monthly"), ("year", "Yearly")]
PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("done", "Summarised"),
]
# What the superior approved: fixed once the plan is submitted (sent back, it is a draft again).
LOCKED_FIELDS = {"user_id", "project_id", "period_type", "date_start", "approver_id"}
# Changed by the buttons only (submit, approve, send back, summarise), never written directly.
WORKFLOW_FIELDS = {"state", "date_submitted", "date_approved"}
# The advisory-lock namespace of the reminders (one lock per person while their plans are made).
REMINDER_LOCK = 48151


def period_start(period_type, day):
    """The first day of the week (Monday), month or year of ``day``."""
    if period_type == "week":
        return day - timedelta(days=day.weekday())
    if period_type == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def period_end(period_type, start):
    """The last day of the period starting on ``start``."""
    step = {
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    }[period_type]
    return start + step - timedelta(days=1)


def period_due(period_type, start):
    """When the plan is due (S0 九): weekly plans on the Monday, monthly ones by the 1st,
    yearly ones within January."""
    return start + timedelta(days=30) if period_type == "year" else start


class PropertyWorkPlan(models.Model):
    """A work plan (工作計劃) of one person for a week, a month or a year (S0 九: the butler
    draws up the grid's weekly, monthly and yearly plans and their summaries): its items,
    submitted to the superior who approves it or sends it back, and at the end of the period
    the summary of what was done, with the plan's completion computed from its items.

    The front desk's weekly and monthly statistics of plan completion (S1 4.5) are the
    analysis of these plans."""

    _name = "property.work.plan"
    _description = "Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date_start desc, period_type, id desc"
    _check_company_auto = True

    # In the reader's language (周计划 2026-W49 王管家): computed, not stored.
    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one(
        "res.users",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env["property.project"]._default_for_user(),
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Superior",
        compute="_compute_approver_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref(GROUP + "supervisor").ids),
        ],
        help="Who approves the plan: by default the project's supervisor, for the supervisor "
        "the project's manager.",
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Period", required=True, default="week", tracking=True
    )
    date_start = fields.Date(
        string="From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The first day of the period: a Monday, the 1st of a month or the 1st of January "
        "(any day of the period is moved back to it).",
    )
    date_end = fields.Date(string="To", compute="_compute_dates", store=True)
    date_due = fields.Date(
        string="Due On",
        compute="_compute_dates",
        store=True,
        help="Weekly plans are due on the Monday, monthly ones on the 1st, yearly ones within "
        "January.",
    )
    state = fields.Selection(
        PLAN_STATES, required=True, default="draft", readonly=True, copy=False, tracking=True
    )
    item_ids = fields.One2many("property.work.plan.item", "plan_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_completion", store=True, string="Items Planned")
    done_count = fields.Integer(compute="_compute_completion", store=True, string="Items Done")
    completion = fields.Float(
        string="Completion (%)",
        compute="_compute_completion",
        store=True,
        aggregator="avg",
        help="The mean progress of the plan's items (items dropped not counted).",
    )
    summary = fields.Html(
        help="At the end of the period: what was done, what was not and why, what carries "
        "over to the next plan."
    )
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Submitted Late",
        compute="_compute_is_late",
        store=True,
        help="Submitted after its due day, or still not submitted after it.",
    )

    _sql_constraints = [
        (
            "plan_unique",
            "UNIQUE(user_id, period_type, date_start)",
            "A person has one plan per week, month and year.",
        ),
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    @api.depends("user_id", "period_type", "date_start")
    @api.depends_context("lang")
    def _compute_name(self):
        labels = {
            "week": self.env._("Weekly Plan"),
            "month": self.env._("Monthly Plan"),
            "year": self.env._("Yearly Plan"),
        }
        for plan in self:
            if not plan.date_start or not plan.period_type:
                plan.name = False
                continue
            start = period_start(plan.period_type, plan.date_start)
            if plan.period_type == "week":
                year, week, _day = start.isocalendar()
                period = f"{year}-W{week:02d}"
            elif plan.period_type == "month":
                period = start.strftime("%Y-%m")
            else:
                period = start.strftime("%Y")
            plan.name = f"{labels[plan.period_type]} {period} {plan.user_id.name or ''}".strip()

    @api.depends("user_id", "project_id")
    def _compute_approver_id(self):
        for plan in self:
            if plan.state != "draft" and plan.approver_id:
                continue
            project = plan.project_id
            user = plan.user_id
            if user and user.has_group(GROUP + "supervisor") or project.supervisor_id == user:
                approver = project.manager_id
            else:
                approver = project.supervisor_id or project.manager_id
            plan.approver_id = approver if approver != user else False

    @api.depends("period_type", "date_start")
    def _compute_dates(self):
        for plan in self:
            if not plan.date_start or not plan.period_type:
                plan.date_end = plan.date_due = False
                continue
            start = period_start(plan.period_type, plan.date_start)
            plan.date_end = period_end(plan.period_type, start)
            plan.date_due = period_due(plan.period_type, start)

    @api.depends("item_ids.progress", "item_ids.state")
    def _compute_completion(self):
        for plan in self:
            items = plan.item_ids.filtered(lambda item: item.state != "dropped")
            plan.item_count = len(items)
            plan.done_count = len(items.filtered(lambda item: item.state == "done"))
            plan.completion = sum(items.mapped("progress")) / len(items) if items else 0.0

    @api.depends("date_submitted", "date_due", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self.with_context(tz=self.env.user.tz or DEFAULT_TZ))
        for plan in self:
            if not plan.date_due:
                plan.is_late = False
            elif plan.date_submitted:
                submitted = fields.Date.context_today(
                    self.with_context(tz=plan.user_id.tz or DEFAULT_TZ), plan.date_submitted
                )
                plan.is_late = submitted > plan.date_due
            else:
                plan.is_late = plan.state == "draft" and today > plan.date_due

    # ------------------------------------------------------------------
    # CRUD: a period's first day, the locked fields
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._snap_start(vals)
        return super().create(vals_list)

    def write(self, vals):
        if (
            WORKFLOW_FIELDS & set(vals)
            and not self.env.su
            and not self.env.context.get("property_plan_workflow")
        ):
            raise UserError(
                self.env._(
                    "A plan's status changes through its buttons: Submit, Approve, Send Back, "
                    "Summarise."
                )
            )
        if not self.env.su and LOCKED_FIELDS & set(vals):
            locked = self.filtered(lambda plan: plan.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "%(plans)s: the person, project, period and superior of a submitted "
                        "plan are fixed; ask the superior to send it back first.",
                        plans=", ".join(locked.mapped("name")),
                    )
                )
        if "date_start" in vals or "period_type" in vals:
            for plan in self:
                plan_vals = dict(vals)
                plan_vals.setdefault("period_type", plan.period_type)
                plan_vals.setdefault("date_start", plan.date_start)
                self._snap_start(plan_vals)
                super(PropertyWorkPlan, plan).write(plan_vals)
            return True
        return super().write(vals)

    @api.model
    def _snap_start(self, vals):
        """Move ``date_start`` back to the first day of its period."""
        day = vals.get("date_start")
        if day:
            day = fields.Date.to_date(day)
            vals["date_start"] = period_start(vals.get("period_type") or "week", day)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda plan: plan.state != "draft") and not self.env.su:
            raise UserError(self.env._("Only a draft plan can be deleted."))

    @api.constrains("approver_id")
    def _check_approver(self):
        for plan in self.filtered("approver_id"):
            if not plan.approver_id.sudo().has_group(GROUP + "supervisor"):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a supervisor or manager: a plan is approved by one.",
                        user=plan.approver_id.name,
                    )
                )

    @api.constrains("item_ids", "state")
    def _check_items(self):
        for plan in self:
            if plan.state != "draft" and not plan.item_ids:
                raise ValidationError(
                    self.env._("%s has no items: a plan says what is to be done.", plan.name)
                )

    # ------------------------------------------------------------------
    # The workflow
    # ------------------------------------------------------------------
    def _check_state(self, states, action):
        wrong = self.filtered(lambda plan: plan.state not in states)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(plan)s is %(state)s: it cannot be %(action)s.",
                    plan=wrong[0].name,
                    state=labels[wrong[0].state],
                    action=action,
                )
            )

    def _check_superior(self):
        """Only the plan's superior, or a supervisor or manager other than its author, decides
        on a plan (a manager may approve his own)."""
        user = self.env.user
        for plan in self:
            if self.env.su or plan.approver_id == user:
                continue
            if user.has_group(GROUP + "manager"):
                continue
            if user.has_group(GROUP + "supervisor") and plan.user_id != user:
                continue
            raise UserError(
                self.env._(
                    "Only %(superior)s, the superior of %(plan)s, or a supervisor decides on it.",
                    superior=plan.approver_id.name or self.env._("the superior"),
                    plan=plan.name,
                )
            )

    def action_submit(self):
        self._check_state(("draft",), self.env._("submitted"))
        for plan in self:
            if not plan.item_ids:
                raise UserError(self.env._("Add the items of %s before submitting it.", plan.name))
            if not plan.approver_id:
                raise UserError(self.env._("Choose the superior who approves %s.", plan.name))
            if plan.user_id != self.env.user and not self.env.user.has_group(GROUP + "supervisor"):
                raise UserError(self.env._("Only %s submits this plan.", plan.user_id.name))
        self.with_context(property_plan_workflow=True).write(
            {"state": "submitted", "date_submitted": fields.Datetime.now()}
        )
        self.activity_feedback(["property_butler_management.mail_activity_type_plan_due"])
        for plan in self:
            plan.activity_schedule(
                "property_butler_management.mail_activity_type_plan_approve",
                user_id=plan.approver_id.id,
                date_deadline=fields.Date.context_today(plan),
                summary=self.env._("Approve the plan of %s", plan.user_id.name),
            )
        return True

    def action_approve(self):
        self._check_state(("submitted",), self.env._("approved"))
        self._check_superior()
        self.with_context(property_plan_workflow=True).write(
            {"state": "approved", "date_approved": fields.Datetime.now()}
        )
        self.activity_feedback(["property_butler_management.mail_activity_type_plan_approve"])
        return True

    def action_open_return(self):
        self._check_state(("submitted", "approved"), self.env._("sent back"))
        self._check_superior()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send the Plan Back"),
            "res_model": "property.work.plan.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_ids": self.ids},
        }

    def _send_back(self, reason):
        """Back to draft with the superior's reason, and an activity for the author."""
        self._check_state(("submitted", "approved"), self.env._("sent back"))
        self._check_superior()
        self.activity_unlink(["property_butler_management.mail_activity_type_plan_approve"])
        self.with_context(property_plan_workflow=True).write(
            {"state": "draft", "date_approved": False}
        )
        for plan in self:
            plan.message_post(
                body=self.env._(
                    "Sent back by %(superior)s: %(reason)s",
                    superior=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            plan.activity_schedule(
                "property_butler_management.mail_activity_type_plan_due",
                user_id=plan.user_id.id,
                date_deadline=fields.Date.context_today(plan),
                summary=self.env._("Rework the plan: %s", reason),
            )
        return True

    def action_done(self):
        """Close the period with its summary (from the period's last day)."""
        self._check_state(("approved",), self.env._("summarised"))
        today = fields.Date.context_today(self.with_context(tz=self.env.user.tz or DEFAULT_TZ))
        for plan in self:
            if today < plan.date_end:
                raise UserError(
                    self.env._(
                        "%(plan)s runs until %(end)s: summarise it from its last day.",
                        plan=plan.name,
                        end=fields.Date.to_string(plan.date_end),
                    )
                )
            if not plan._summary_written():
                raise UserError(
                    self.env._(
                        "Write the summary of %s: what was done, and what was not.", plan.name
                    )
                )
        self.with_context(property_plan_workflow=True).write({"state": "done"})
        return True

    def _summary_written(self):
        self.ensure_one()
        return bool(html2plaintext(self.summary or "").strip())

    def action_print(self):
        return self.env.ref(
            "property_butler_management.property_work_plan_report_action"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Reminders: the plans of the period drafted for each person, with an activity due on the
    # plan's due day
    # ------------------------------------------------------------------
    @api.model
    def _planners_domain(self):
        """Who draws up plans: butlers and supervisors (the manager approves)."""
        return [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref(GROUP + "butler").ids),
            ("groups_id", "not in", self.env.ref(GROUP + "manager").ids),
        ]

    @api.model
    def _cron_plan_reminders(self, batch_size=100):
        """From a period's first day, each planner finds the period's draft plan (weekly on
        Mondays, monthly on the 1st, yearly in January) with an activity due on its due day:
        ``batch_size`` persons per call of the scheduler.

        Idempotent: each person's plans are made under an advisory lock and (person, period,
        start) is unique, so re-runs and concurrent runs add nothing twice."""
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._plan_reminders_batch(today, batch_size, cursor)
        )

    @api.model
    def _plan_reminders_batch(self, today, batch_size, cursor):
        day = fields.Date.to_string(today)
        after = cursor[1] if cursor and cursor[0] == day else 0
        Users = self.env["res.users"].sudo()
        domain = self._planners_domain()
        batch = Users.search(domain + [("id", ">", after)], order="id", limit=batch_size)
        if not batch:
            return CronBatch(self, 0, 0)
        self.env.cr.execute(
            "SELECT id FROM res_users WHERE id IN %s AND pg_try_advisory_xact_lock(%s, id)",
            [tuple(batch.ids), REMINDER_LOCK],
        )
        locked = self.env["res.users"].browse(row[0] for row in self.env.cr.fetchall())
        created = self._draft_period_plans(locked, today)
        remaining = Users.search_count(domain + [("id", ">", batch[-1].id)])
        return CronBatch(created, len(batch), remaining, [day, batch[-1].id])

    @api.model
    def _draft_period_plans(self, users, today):
        """The plans of the current week, month and year that these persons do not have yet
        (a yearly one only in January), each with its "plan due" activity."""
        starts = {kind: period_start(kind, today) for kind, _label in PERIOD_TYPES}
        if today.month != 1:
            del starts["year"]
        existing = {
            (plan.user_id.id, plan.period_type)
            for plan in self.sudo().search(
                [
                    ("user_id", "in", users.ids),
                    "|",
                    "|",
                    "&",
                    ("period_type", "=", "week"),
                    ("date_start", "=", starts["week"]),
                    "&",
                    ("period_type", "=", "month"),
                    ("date_start", "=", starts["month"]),
                    "&",
                    ("period_type", "=", "year"),
                    ("date_start", "=", period_start("year", today)),
                ]
            )
        }
        vals_list = []
        for user in users:
            project = self.env["property.project"]._project_of(user)
            if not project:
                continue
            vals_list += [
                {
                    "user_id": user.id,
                    "project_id": project.id,
                    "period_type": kind,
                    "date_start": start,
                }
                for kind, start in starts.items()
                if (user.id, kind) not in existing
            ]
        plans = (
            self.sudo()
            .with_context(mail_create_nolog=True, tracking_disable=True)
            .create(vals_list)
        )
        for plan in plans:
            plan.activity_schedule(
                "property_butler_management.mail_activity_type_plan_due",
                user_id=plan.user_id.id,
                date_deadline=plan.date_due,
                summary=self.env._("Draw up and submit %s", plan.name),
            )
        return plans.sudo(False)
