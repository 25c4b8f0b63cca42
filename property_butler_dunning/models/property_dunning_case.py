import logging
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.property_butler_billing.models.property_billing import quarter_start

from odoo.addons.property_butler.models.ir_cron import CronBatch

from .property_dunning_stage import month_start

_logger = logging.getLogger(__name__)

CASE_STATES = [("open", "Open"), ("paid", "Paid"), ("closed", "Closed")]

# One advisory lock for the dunning run: two runs at once would create the same cases.
_DUNNING_LOCK = 73_201_905


# What a unit owes: the residual of each open posted fee invoice, shared between the units it
# bills in proportion to their lines' totals (an invoice usually bills one unit, so the share is
# 1; a contact billed for a flat and its parking space sees the residual split between both).
_UNPAID_QUERY = """
    SELECT l.property_unit_id,
           SUM(CASE WHEN m.amount_total > 0
                    THEN m.amount_residual * l.unit_total / m.amount_total
                    ELSE m.amount_residual END),
           (ARRAY_AGG(m.partner_id ORDER BY m.invoice_date_due DESC, m.id DESC))[1]
      FROM (SELECT move_id, property_unit_id, SUM(price_total) AS unit_total
              FROM account_move_line
             WHERE property_unit_id IS NOT NULL AND display_type = 'product'
             GROUP BY move_id, property_unit_id) l
      JOIN account_move m ON m.id = l.move_id
     WHERE m.state = 'posted'
       AND m.move_type = 'out_invoice'
       AND m.property_period IS NOT NULL
       AND m.payment_state IN ('not_paid', 'partial')
       AND m.amount_residual > 0
       AND m.invoice_date_due < %(today)s
       {where}
     GROUP BY l.property_unit_id
"""


class PropertyDunningCase(models.Model):
    """A unit that has not paid its fees, followed through the quarter's dunning calendar."""

    _name = "property.dunning.case"
    _description = "Dunning Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "quarter desc, stage_id, unit_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Billing Contact", readonly=True, index=True, tracking=True
    )
    # For those who may read the billing contact (a related field would be read as superuser).
    phone = fields.Char(compute="_compute_phone", compute_sudo=False)
    butler_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        help="The unit's butler when the case was opened.",
    )
    quarter = fields.Date(
        string="Quarter Start",
        required=True,
        readonly=True,
        index=True,
        help="First day of the quarter.",
    )
    quarter_label = fields.Char(compute="_compute_name", store=True, string="Quarter")
    stage_id = fields.Many2one(
        "property.dunning.stage",
        readonly=True,
        index=True,
        tracking=True,
        check_company=True,
        group_expand="_read_group_stage_ids",
    )
    notified_stage_id = fields.Many2one(
        "property.dunning.stage",
        readonly=True,
        copy=False,
        help="The last stage the butler got an activity for (one per case, stage and month).",
    )
    notified_period = fields.Date(
        string="Notified For Month",
        readonly=True,
        copy=False,
        help="First day of the month the last stage activity was for: a monthly stage (the "
        "call after each month's statements) gives a new activity each month.",
    )
    stage_date_due = fields.Date(
        string="Stage Due By",
        compute="_compute_stage_date_due",
        help="Last day of the current stage's window.",
    )
    state = fields.Selection(
        CASE_STATES, required=True, default="open", readonly=True, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(
        compute="_compute_amount_due",
        help="Residual of the unit's open, overdue fee invoices (an invoice billing several "
        "units is shared in proportion to their lines).",
    )
    statement_received = fields.Boolean(string="Statement Arrived", tracking=True)
    promised_date = fields.Date(string="Promised Payment Date", tracking=True)
    reason_id = fields.Many2one("property.dunning.reason", tracking=True, check_company=True)
    reason_category = fields.Selection(related="reason_id.category")
    malicious = fields.Boolean(
        string="Malicious Defaulter",
        tracking=True,
        help="Refuses to pay without a valid reason: gets a lawyer's letter at the last stage.",
    )
    ticket_id = fields.Many2one(
        "property.ticket", readonly=True, copy=False, check_company=True, string="Work Order"
    )
    ticket_stage_id = fields.Many2one(
        related="ticket_id.stage_id", string="Work Order Stage", readonly=True
    )
    ticket_closed = fields.Boolean(related="ticket_id.is_closed", string="Work Order Closed")
    strong_grievance = fields.Boolean(
        string="Strong Grievances",
        tracking=True,
        copy=False,
        help="The owner has strong grievances about the service (意見較大): the butler visits "
        "them at home and their views and suggestions go to the project's management.",
    )
    grievance_note = fields.Text(
        string="Owner's Views and Suggestions",
        tracking=True,
        copy=False,
        help="What the owner thinks of the service, for the management.",
    )
    log_ids = fields.One2many("property.dunning.log", "case_id", string="Contacts")
    log_count = fields.Integer(compute="_compute_log_count", string="Contacts Count")
    date_closed = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "unit_quarter_uniq",
            "UNIQUE(unit_id, quarter)",
            "A unit has one dunning case per quarter.",
        ),
    ]

    @api.depends("partner_id.phone")
    @api.depends_context("uid")
    def _compute_phone(self):
        readable = self.partner_id._property_readable()
        for case in self:
            case.phone = (case.partner_id & readable).phone

    @api.depends("unit_id.code", "quarter")
    def _compute_name(self):
        for case in self:
            label = (
                f"{case.quarter.year}-Q{(case.quarter.month - 1) // 3 + 1}" if case.quarter else ""
            )
            case.quarter_label = label
            case.name = f"{case.unit_id.code or ''} {label}".strip()

    def _compute_amount_due(self):
        amounts = self._unpaid_amounts(fields.Date.context_today(self), units=self.unit_id)
        for case in self:
            case.amount_due = (
                amounts.get(case.unit_id.id, (0.0, False))[0] if case.state == "open" else 0.0
            )

    @api.depends("stage_id", "notified_period", "quarter")
    def _compute_stage_date_due(self):
        for case in self:
            day = case.notified_period or case.quarter
            case.stage_date_due = case.stage_id and day and case.stage_id._window(day)[1]

    def _compute_log_count(self):
        counts = dict(
            self.env["property.dunning.log"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            case.log_count = counts.get(case, 0)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("company_id", "in", self.env.companies.ids)])

    # ------------------------------------------------------------------
    # Reasons and service tickets
    # ------------------------------------------------------------------
    def write(self, vals):
        grieved = self.browse()
        if vals.get("strong_grievance"):
            grieved = self.filtered(lambda c: not c.strong_grievance)
        res = super().write(vals)
        if vals.get("reason_id"):
            self._open_service_tickets()
        if grieved:
            grieved._escalate_grievances()
        if vals.get("grievance_note"):
            (self.filtered("strong_grievance") - grieved)._forward_grievance_note()
        return res

    def _grievance_manager(self):
        self.ensure_one()
        return self.project_id.manager_id or self.project_id._get_escalation_user()

    def _forward_grievance_note(self):
        """The owner's views heard after the escalation go to the manager too."""
        for case in self:
            manager = case._grievance_manager()
            if manager:
                case.message_post(
                    body=Markup("<p>%s</p><p>%s</p>")
                    % (self.env._("The owner's views and suggestions:"), case.grievance_note),
                    partner_ids=manager.partner_id.ids,
                    subtype_xmlid="mail.mt_comment",
                )

    def _escalate_grievances(self):
        """Owners with strong grievances (S0 十, 意見較大的業戶): the butler visits them at home,
        and their views go to the project's management (its manager, else its supervisor)."""
        meeting = self.env.ref("mail.mail_activity_data_meeting", raise_if_not_found=False)
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        for case in self:
            butler = case.butler_id or case.grid_id.butler_id
            if butler:
                case.activity_schedule(
                    activity_type_id=(meeting or todo).id,
                    user_id=butler.id,
                    date_deadline=today,
                    summary=self.env._("Home visit: owner with strong grievances"),
                    note=Markup("<p>%s</p>")
                    % self.env._(
                        "Visit the owner, hear their views and suggestions on the service and "
                        "record them on the case for the management."
                    ),
                )
            manager = case._grievance_manager()
            if not manager:
                continue
            note = Markup("<p>%s</p>") % self.env._(
                "Owner of %(unit)s has strong grievances about the service and does not pay "
                "the fees.",
                unit=case.unit_id.display_name,
            )
            if case.grievance_note:
                note += Markup("<p>%s</p>") % case.grievance_note
            case.message_subscribe(partner_ids=manager.partner_id.ids)
            case.activity_schedule(
                activity_type_id=todo.id,
                user_id=manager.id,
                date_deadline=today,
                summary=self.env._("Owner's grievances: %s", case.unit_id.code),
                note=note,
            )

    def _open_service_tickets(self):
        """A service-problem reason becomes a work order of the reason's ticket type (usually a
        repair) for the department responsible, once; the butler follows it until it is done."""
        cases = self.filtered(
            lambda c: c.reason_id.category == "service_problem" and not c.ticket_id
        )
        if not cases:
            return
        default_type = self.env.ref("property_butler_ticket.property_ticket_type_repair")
        vals_list = []
        for case in cases:
            ticket_type = case.reason_id.ticket_type_id or default_type
            occupants = case.unit_id.current_occupancy_ids.partner_id
            vals_list.append(
                {
                    "title": self.env._("Unpaid fees: %s", case.reason_id.name),
                    "description": Markup("<p>%s</p>")
                    % self.env._(
                        "Raised from dunning case %(case)s: the billing contact gives a service "
                        "problem (%(reason)s) as the reason for not paying.",
                        case=case.name,
                        reason=case.reason_id.name,
                    ),
                    "ticket_type_id": ticket_type.id,
                    "channel": "butler_visit",
                    "unit_id": case.unit_id.id,
                    "partner_id": case.partner_id.id if case.partner_id in occupants else False,
                    "company_id": case.company_id.id,
                    "department_id": case.reason_id.department_id.id
                    or ticket_type.department_id.filtered(
                        lambda d, case=case: d.company_id == case.company_id
                    ).id,
                }
            )
        tickets = self.env["property.ticket"].create(vals_list)
        for case, ticket in zip(cases, tickets, strict=True):
            case.ticket_id = ticket
            if case.butler_id:
                ticket.message_subscribe(partner_ids=case.butler_id.partner_id.ids)
            case.message_post(
                body=Markup("%s %s")
                % (self.env._("Work order opened:"), escape(ticket.display_name))
            )

    @api.model
    def _on_tickets_done(self, tickets):
        """Hook for work orders just done: the open cases they were raised from get their
        call back ("如服務問題已解決,回訪並提醒繳費") for the butler, due today."""
        cases = self.sudo().search([("ticket_id", "in", tickets.ids), ("state", "=", "open")])
        call = self.env.ref("mail.mail_activity_data_call")
        today = fields.Date.context_today(self)
        for case in cases.filtered("butler_id"):
            case.activity_schedule(
                activity_type_id=call.id,
                user_id=case.butler_id.id,
                date_deadline=today,
                summary=self.env._("Service problem fixed: call back, remind to pay"),
                note=Markup("<p>%s</p>")
                % self.env._(
                    "Work order %(ticket)s is done: call the owner back, check the problem is "
                    "solved and remind them to pay the fees; record the promised date.",
                    ticket=case.ticket_id.display_name,
                ),
            )
        return cases

    def action_view_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.ticket",
            "view_mode": "form",
            "res_id": self.ticket_id.id,
        }

    def action_view_logs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_dunning.property_dunning_log_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        action["context"] = {"default_case_id": self.id}
        return action

    def action_close(self):
        """Stop dunning a unit by hand (e.g. settled outside the invoices)."""
        if self.filtered(lambda c: c.state != "open"):
            raise UserError(self.env._("Only open dunning cases can be closed."))
        self._leave_dunning("closed")
        return True

    # ------------------------------------------------------------------
    # The dunning run
    # ------------------------------------------------------------------
    @api.model
    def _unpaid_amounts(self, today, units=None):
        """{unit id: (amount due, billing contact id)} of the units with overdue open fee
        invoices, in one query."""
        self.env["account.move.line"].flush_model(
            ["property_unit_id", "display_type", "price_total", "move_id"]
        )
        self.env["account.move"].flush_model(
            [
                "state",
                "move_type",
                "property_period",
                "payment_state",
                "amount_residual",
                "amount_total",
                "invoice_date_due",
                "partner_id",
            ]
        )
        where, params = "", {"today": today}
        if units is not None:
            if not units:
                return {}
            where = "AND l.property_unit_id IN %(units)s"
            params["units"] = tuple(units.ids)
        self.env.cr.execute(_UNPAID_QUERY.format(where=where), params)
        return {unit: (amount, partner) for unit, amount, partner in self.env.cr.fetchall()}

    def _leave_dunning(self, state):
        """Paid or closed: the case leaves the calendar and its pending activities go."""
        if not self:
            return
        self._write_tracked({"state": state, "date_closed": fields.Date.context_today(self)})
        self.activity_ids.sudo().unlink()

    @api.model
    def _close_paid(self, moves):
        """Hook for fee invoices just paid: close the open cases of their units that owe
        nothing any more ("paying in full leaves dunning at once")."""
        units = moves.filtered("property_period").line_ids.property_unit_id
        if not units:
            return self.browse()
        cases = self.sudo().search([("unit_id", "in", units.ids), ("state", "=", "open")])
        still_unpaid = self._unpaid_amounts(fields.Date.context_today(self), units=cases.unit_id)
        paid = cases.filtered(lambda c: c.unit_id.id not in still_unpaid)
        paid._leave_dunning("paid")
        return paid

    @api.model
    def _cron_dunning(self, today=None, batch_size=500):
        """Open a case for each unit with overdue unpaid fees this quarter, move the open cases
        to the stage due today (never backwards) with one activity per stage for the butler, and
        close the cases of units that paid. Idempotent: run it as often as you like.

        Each call of the scheduler handles ``batch_size`` cases, in that order: what is to do
        is read again in a few queries (the unpaid units, the open cases, this quarter's cases,
        the stages due), then written with a fixed number of queries per batch, whatever the
        number of units: batched creates of cases, activities, followers and chatter messages,
        one write per stage. One run at a time: a transaction-level advisory lock."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._dunning_batch(today, batch_size)
        )

    @api.model
    def _take_run_lock(self):
        """One run at a time: a transaction-level advisory lock, held until the batch commits."""
        self.env.cr.execute("SELECT pg_try_advisory_xact_lock(%s)", [_DUNNING_LOCK])
        return self.env.cr.fetchone()[0]

    @api.model
    def _dunning_batch(self, today, batch_size):
        """Up to ``batch_size`` cases of the run; returns them, with what is left to do."""
        if not self._take_run_lock():
            _logger.info("Dunning: another run is under way, skipped.")
            return CronBatch(self.browse(), 0, 0)
        quarter = quarter_start(today)
        unpaid = self._unpaid_amounts(today)
        run = {"room": batch_size, "done": 0, "remaining": 0}
        handled = self.browse()

        def take(items):
            """The items of this batch; the others are left for the next one."""
            batch = items[: run["room"]]
            run["room"] -= len(batch)
            run["done"] += len(batch)
            run["remaining"] += len(items) - len(batch)
            return batch

        # 1. Paid in full: leave dunning. Cases of past quarters are superseded by this one's.
        open_cases = self.search_fetch([("state", "=", "open")], ["unit_id", "quarter"], order="id")
        paid, superseded = [], []
        for case in open_cases:
            if case.unit_id.id not in unpaid:
                paid.append(case.id)
            elif case.quarter < quarter:
                superseded.append(case.id)
        for state, case_ids in (("paid", paid), ("closed", superseded)):
            if ids := take(case_ids):
                self.browse(ids)._leave_dunning(state)
                handled |= self.browse(ids)

        # 2. One case per unpaid unit and quarter; a paid case reopens if new fees fall due.
        existing = self.search_fetch(
            [("quarter", "=", quarter), ("unit_id", "in", list(unpaid))],
            ["unit_id", "state"],
            order="id",
        )
        reopen = [case.id for case in existing if case.state == "paid"]
        if ids := take(reopen):
            self.browse(ids)._write_tracked({"state": "open", "date_closed": False})
            handled |= self.browse(ids)
        missing = sorted(set(unpaid) - {case.unit_id.id for case in existing})
        if ids := take(missing):
            created = self.create(
                [
                    {
                        "unit_id": unit.id,
                        "quarter": quarter,
                        "partner_id": unpaid[unit.id][1],
                        "butler_id": unit.butler_id.id,
                    }
                    for unit in self.env["property.unit"].browse(ids)
                ]
            )
            handled |= created

        # 3. The stage due today, with one activity per case and stage.
        cases = self.search_fetch(
            [("state", "=", "open"), ("quarter", "=", quarter)],
            ["company_id", "stage_id", "notified_stage_id", "notified_period"],
            order="id",
        )
        due = self.env["property.dunning.stage"]._stages_due(today, cases.company_id)
        month = month_start(today)
        # {case id: (stage, month)} of the cases to move or to notify: one activity per case,
        # stage and month (a monthly stage comes back each month).
        target = {}
        for case in cases:
            stage, period = due.get(case.company_id), month
            if not stage or (
                case.stage_id
                and stage != case.stage_id
                and case.stage_id.sequence >= stage.sequence
            ):
                stage = case.stage_id  # not due today, or never backwards
                if stage == case.notified_stage_id:
                    period = case.notified_period
            if stage and (
                stage != case.stage_id
                or stage != case.notified_stage_id
                or period != case.notified_period
            ):
                target[case.id] = (stage, period)
        if ids := take(list(target)):
            batch = self.browse(ids)
            moving = defaultdict(list)
            for case in batch:
                if case.stage_id != target[case.id][0]:
                    moving[target[case.id][0].id].append(case.id)
            for stage_id, case_ids in moving.items():
                self.browse(case_ids)._write_tracked({"stage_id": stage_id})
            batch._schedule_stage_activities({case_id: target[case_id][1] for case_id in ids})
            handled |= batch
        return CronBatch(handled, run["done"], run["remaining"])

    def _write_tracked(self, vals):
        """``write(vals)`` with the chatter tracking of the changes logged for all the cases at
        once (mail.thread would log one message per case, one case at a time, at commit)."""
        fnames = self._track_get_fields() & set(vals)
        context = self.env.context
        if not fnames or context.get("tracking_disable") or context.get("mail_notrack"):
            return self.write(vals)  # nothing to log: mail.thread's own write
        initial = {case.id: {fname: case[fname] for fname in fnames} for case in self}
        res = self.with_context(tracking_disable=True).write(vals)
        tracked = self.fields_get(
            list(fnames), attributes=("string", "type", "selection", "currency_field")
        )
        changed, commands = [], []
        for case in self:
            tracking = case._mail_track(tracked, initial[case.id])[1]
            if tracking:
                changed.append(case.id)
                commands.append(tracking)
        if changed:
            messages = self.browse(changed)._message_log_batch(bodies={})
            self.env["mail.tracking.value"].sudo().create(
                [
                    dict(command[2], mail_message_id=message.id)
                    for message, message_commands in zip(messages, commands, strict=True)
                    for command in message_commands
                ]
            )
        return res

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # The butlers already follow the cases their activities are scheduled on (see
        # _schedule_stage_activities): mail.activity would subscribe them again, one butler at a
        # time.
        if self.env.context.get("property_dunning_butlers_subscribed"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _schedule_stage_activities(self, periods):
        """Give each case's butler the activity of its stage, once per month ``periods`` gives
        ({case id: first day of the month}): the activities, the butlers' subscriptions and the
        cases' notified stages and months written in one batch."""
        cases = self.filtered(
            lambda c: (
                c.stage_id
                and (c.notified_stage_id != c.stage_id or c.notified_period != periods[c.id])
            )
        )
        if not cases:
            return
        model = self.env["ir.model"]._get_id(self._name)
        fallback = self.env.ref("mail.mail_activity_data_todo")
        vals_list = []
        for case in cases.filtered("butler_id"):
            stage = case.stage_id
            vals_list.append(
                {
                    "res_model_id": model,
                    "res_id": case.id,
                    "activity_type_id": (stage.activity_type_id or fallback).id,
                    "user_id": case.butler_id.id,
                    "summary": self.env._(
                        "Dunning %(stage)s: %(unit)s", stage=stage.name, unit=case.unit_id.code
                    ),
                    "note": stage.action and Markup("<p>%s</p>") % stage.action,
                    "date_deadline": stage._window(periods[case.id])[1],
                }
            )
        self.env["mail.followers"]._property_add_batch(
            cases, {case.id: case.butler_id.partner_id for case in cases}
        )
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True, property_dunning_butlers_subscribed=True
        ).create(vals_list)
        for (stage, period), stage_cases in cases.grouped(
            lambda c: (c.stage_id, periods[c.id])
        ).items():
            stage_cases.with_context(tracking_disable=True).write(
                {"notified_stage_id": stage.id, "notified_period": period}
            )
