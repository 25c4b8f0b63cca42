from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, html2plaintext
from odoo.tools.misc import babel_locale_parse, posix_to_ldml

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from .property_ticket_sla import PRIORITIES

CHANNELS = [
    ("phone", "Phone"),
    ("front_desk", "Front Desk"),
    ("walk_in", "Walk-in"),
    ("portal", "Portal"),
    ("butler_visit", "Butler Visit"),
    ("patrol", "Patrol Finding"),
]

# Advisory lock (with the company id) taken only while a company's ticket sequence is created.
_TICKET_SEQUENCE_LOCK = 73_201_906

QUOTATION_STATES = [
    ("none", "No Quotation"),
    ("sent", "Awaiting Acceptance"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
]


class PropertyTicket(models.Model):
    """A ticket (工單): complaint, repair, inquiry, paid service, suggestion or praise."""

    _name = "property.ticket"
    _description = "Ticket"
    _inherit = [
        "property.portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "property.company.mixin",
    ]
    _order = "priority desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _primary_email = "email"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html(required=True, sanitize_style=True)
    ticket_type_id = fields.Many2one(
        "property.ticket.type", string="Type", required=True, tracking=True, index=True
    )
    kind = fields.Selection(related="ticket_type_id.kind", store=True, index=True)
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    priority = fields.Selection(PRIORITIES, required=True, default="0", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        tracking=True,
        help="Required, except for findings in public areas of the estate.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Resident",
        index=True,
        tracking=True,
        check_company=True,
        help="The resident who raised the ticket; must occupy the unit.",
    )
    # The resident's contact details, for staff who may read the resident (not a related
    # field: those are read as superuser, so residents would read their housemates' and
    # predecessors' contact details through it).
    email = fields.Char(compute="_compute_contact", compute_sudo=False, groups="base.group_user")
    phone = fields.Char(compute="_compute_contact", compute_sudo=False, groups="base.group_user")
    visible_in_portal = fields.Boolean(
        string="Mine to See",
        compute="_compute_visible_in_portal",
        search="_search_visible_in_portal",
        help="The ticket concerns a unit the current user occupies and was received since the "
        "start of that occupancy: what a resident sees (not the tickets of former occupants).",
    )
    project_id = fields.Many2one(
        "property.project",
        compute="_compute_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    cluster_id = fields.Many2one(
        "property.cluster",
        compute="_compute_location",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    # The grid and butler of the unit when the ticket arrived: reassigning the grid later does
    # not move past tickets (and their satisfaction) to the new butler.
    grid_id = fields.Many2one(
        "property.grid",
        compute="_compute_grid",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    butler_id = fields.Many2one(
        "res.users",
        compute="_compute_grid",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    stage_id = fields.Many2one(
        "property.ticket.stage",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_read_group_stage_ids",
        domain="[('ticket_type_ids', 'in', ticket_type_id)]",
        compute="_compute_stage_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    stage_category = fields.Selection(related="stage_id.category", store=True, index=True)
    is_closed = fields.Boolean(compute="_compute_is_closed", store=True, index=True)
    department_id = fields.Many2one(
        "property.department",
        check_company=True,
        tracking=True,
        index=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    # Times and targets
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the resident raised the request; the response and resolution targets count "
        "from here.",
    )
    date_response_deadline = fields.Datetime(
        string="Respond By", compute="_compute_deadlines", store=True
    )
    date_resolution_deadline = fields.Datetime(
        string="Resolve By", compute="_compute_deadlines", store=True
    )
    date_responded = fields.Datetime(string="Responded On", copy=False, tracking=True)
    date_done = fields.Datetime(string="Completed On", copy=False, readonly=True)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="The response or resolution target has passed.",
    )
    escalated = fields.Boolean(
        copy=False, readonly=True, groups="base.group_user", help="Escalated to the supervisor."
    )
    # Complaint handling (seed 000, 五)
    judgement = fields.Selection(
        [("valid", "Valid"), ("invalid", "Invalid")], tracking=True, copy=False
    )
    judgement_reason = fields.Text(copy=False, groups="base.group_user")
    responsible_department_id = fields.Many2one(
        "property.department", string="Department Responsible", check_company=True, copy=False
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Person Responsible",
        check_company=True,
        copy=False,
        groups="base.group_user",
    )
    solution = fields.Html(copy=False, groups="base.group_user")
    reply = fields.Html(string="Reply to Resident", copy=False)
    is_major = fields.Boolean(
        string="Major Complaint", tracking=True, help="The yearly target is at most one."
    )
    major_complaint_year_count = fields.Integer(
        string="Major Complaints This Year",
        compute="_compute_major_complaint_year_count",
        help="The project's major complaints in the year the complaint was received: the "
        "target is at most one.",
    )
    corrective_action = fields.Html(
        help="Training or measures for the department responsible, so it does not happen again.",
        groups="base.group_user",
    )
    signature = fields.Image(
        string="Resident Signature", copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_by = fields.Char(copy=False)
    signed_on = fields.Datetime(copy=False)
    # Paid special services
    line_ids = fields.One2many("property.ticket.line", "ticket_id", string="Quotation Lines")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    quotation_state = fields.Selection(
        QUOTATION_STATES, default="none", required=True, tracking=True, copy=False
    )
    quotation_accepted_by = fields.Char(copy=False)
    quotation_accepted_on = fields.Datetime(copy=False)
    # Callbacks
    callback_ids = fields.One2many("property.ticket.callback", "ticket_id", string="Callbacks")
    callback_state = fields.Selection(
        [("none", "None"), ("scheduled", "Awaiting Callback"), ("done", "Called Back")],
        compute="_compute_callback",
        store=True,
    )
    satisfaction = fields.Float(
        compute="_compute_callback", store=True, aggregator="avg", string="Satisfaction (%)"
    )
    color = fields.Integer(compute="_compute_color")
    portal_form_token = fields.Char(
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="The one-time token of the portal form the ticket was sent with: the same form "
        "sent twice (a double tap, a resent request) creates one ticket.",
    )

    _sql_constraints = [
        (
            "portal_form_token_uniq",
            "unique(portal_form_token)",
            "This request was already sent.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("ticket_type_id")
    def _compute_stage_id(self):
        for ticket in self:
            if ticket.stage_id and ticket.ticket_type_id in ticket.stage_id.ticket_type_ids:
                continue
            ticket.stage_id = ticket.ticket_type_id.stage_ids.sorted("sequence")[:1]

    @api.depends("partner_id.phone", "partner_id.email")
    @api.depends_context("uid")
    def _compute_contact(self):
        readable = self.partner_id._property_readable()
        for ticket in self:
            partner = ticket.partner_id & readable
            ticket.phone = partner.phone
            ticket.email = partner.email

    @api.depends("unit_id")
    def _compute_grid(self):
        for ticket in self:
            ticket.grid_id = ticket.unit_id.grid_id
            ticket.butler_id = ticket.unit_id.butler_id

    @api.depends("unit_id")
    def _compute_location(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.project_id = ticket.unit_id.project_id
                ticket.cluster_id = ticket.unit_id.cluster_id

    @api.depends("ticket_type_id")
    def _compute_department_id(self):
        for ticket in self:
            if not ticket.department_id:
                department = ticket.ticket_type_id.department_id
                if department.company_id == ticket.company_id:
                    ticket.department_id = department

    @api.depends("stage_id.category")
    def _compute_is_closed(self):
        for ticket in self:
            ticket.is_closed = ticket.stage_id.category in ("done", "cancel")

    @api.depends("date_received", "priority", "ticket_type_id.sla_ids")
    def _compute_deadlines(self):
        for ticket in self:
            start = ticket.date_received or fields.Datetime.now()
            sla = ticket.ticket_type_id.sla_ids.filtered(
                lambda s, t=ticket: s.priority == t.priority
            )
            ticket.date_response_deadline = (
                start + timedelta(minutes=sla.response_minutes) if sla else False
            )
            ticket.date_resolution_deadline = (
                start + timedelta(hours=sla.resolution_hours) if sla else False
            )

    @api.depends(
        "is_closed", "date_responded", "date_response_deadline", "date_resolution_deadline"
    )
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            late_response = (
                not ticket.date_responded
                and ticket.date_response_deadline
                and ticket.date_response_deadline < now
            )
            late_resolution = (
                not ticket.is_closed
                and ticket.date_resolution_deadline
                and ticket.date_resolution_deadline < now
            )
            ticket.is_overdue = bool(not ticket.is_closed and (late_response or late_resolution))

    def _overdue_domain(self):
        now = fields.Datetime.now()
        return [
            ("is_closed", "=", False),
            "|",
            "&",
            ("date_responded", "=", False),
            ("date_response_deadline", "<", now),
            ("date_resolution_deadline", "<", now),
        ]

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue tickets."))
        domain = self._overdue_domain()
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("line_ids.price_subtotal")
    def _compute_amount_total(self):
        for ticket in self:
            ticket.amount_total = sum(ticket.line_ids.mapped("price_subtotal"))

    @api.depends("callback_ids.state", "callback_ids.satisfaction")
    def _compute_callback(self):
        for ticket in self:
            callbacks = ticket.callback_ids.sorted("id")
            done = callbacks.filtered(lambda c: c.state == "done")
            if callbacks.filtered(lambda c: c.state == "scheduled"):
                ticket.callback_state = "scheduled"
            elif done:
                ticket.callback_state = "done"
            else:
                ticket.callback_state = "none"
            ticket.satisfaction = done[-1:].satisfaction if done else 0.0

    def _compute_visible_in_portal(self):
        # sudo: whether the current user (uid unchanged) occupies the unit; nothing else is read.
        visible = set(
            self.sudo().search([("id", "in", self.ids), ("visible_in_portal", "=", True)]).ids
        )
        for ticket in self:
            ticket.visible_in_portal = ticket.id in visible

    def _search_visible_in_portal(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the tickets a resident sees."))
        # The current user's occupancies of today (whatever the record rules on occupancies),
        # correlated with the tickets of the same unit received since each one's start.
        occupancies = (
            self.env["property.occupancy"]
            .sudo()
            ._search(
                [
                    ("partner_id", "=", self.env.user.partner_id.id),
                    *self.env["property.occupancy"]._current_domain(),
                ]
            )
        )
        tickets = SQL(
            "(SELECT ticket.id FROM property_ticket ticket"
            " JOIN property_occupancy occupancy ON occupancy.unit_id = ticket.unit_id"
            " AND ticket.date_received >= occupancy.date_start"
            " WHERE occupancy.id IN %s)",
            occupancies.subselect(),
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", tickets)]

    def _compute_color(self):
        for ticket in self:
            ticket.color = 1 if ticket.is_overdue else (2 if ticket.is_major else 0)

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for ticket in self:
            ticket.access_url = f"/my/tickets/{ticket.id}"

    @api.depends("name", "title")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = f"{ticket.name} {ticket.title}" if ticket.title else ticket.name

    def _local_tz(self):
        """The time zone a person reads this ticket's times in: the viewer's (the context's,
        else his preference), else the company's, else Asia/Shanghai."""
        viewer = self.env.context.get("tz") or self.env.user.tz
        if viewer in pytz.all_timezones_set:
            return viewer
        # sudo: the company's time zone, which residents may not read on its contact.
        company = self[:1].company_id or self.env.company
        return company.sudo().partner_id.tz or DEFAULT_TZ

    def _local_datetime_options(self, date_only=False):
        """QWeb ``t-options`` showing a datetime in ``_local_tz`` as the language's date
        followed by the time as HH:MM (never UTC, never seconds such as "03时00分00秒")."""
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        pattern = posix_to_ldml(lang.date_format, locale=babel_locale_parse(lang.code))
        return {
            "widget": "datetime",
            "format": pattern if date_only else f"{pattern} HH:mm",
            "tz_name": self._local_tz(),
        }

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        type_id = self.env.context.get("default_ticket_type_id")
        search_domain = [("ticket_type_ids", "in", [type_id])] if type_id else []
        return stages.search(search_domain, order=stages._order)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("description")
    def _check_description(self):
        for ticket in self:
            if not html2plaintext(ticket.description or "").strip():
                raise ValidationError(
                    self.env._("Describe the request: the description cannot be empty.")
                )

    @api.constrains("unit_id", "project_id", "ticket_type_id")
    def _check_location(self):
        for ticket in self:
            if not ticket.unit_id and ticket.kind != "finding":
                raise ValidationError(
                    self.env._("Ticket %s needs the unit it concerns.", ticket.title or "")
                )
            if not ticket.project_id:
                raise ValidationError(
                    self.env._("Ticket %s needs the project it concerns.", ticket.title or "")
                )
            if ticket.unit_id and (
                ticket.project_id != ticket.unit_id.project_id
                or ticket.cluster_id != ticket.unit_id.cluster_id
            ):
                raise ValidationError(
                    self.env._(
                        "Ticket %s: the project and cluster are those of its unit.",
                        ticket.title or "",
                    )
                )

    @api.constrains("unit_id", "partner_id")
    def _check_resident_occupies_unit(self):
        Occupancy = self.env["property.occupancy"].sudo()
        pairs = self.filtered("partner_id")
        if not pairs:
            return
        # One query for the whole batch: the current occupancies of these units.
        current = Occupancy.search(
            [("unit_id", "in", pairs.unit_id.ids), *Occupancy._current_domain()]
        )
        occupied = {(o.unit_id.id, o.partner_id.id) for o in current}
        for ticket in pairs:
            commercial = ticket.partner_id.commercial_partner_id
            if (ticket.unit_id.id, ticket.partner_id.id) not in occupied and (
                ticket.unit_id.id,
                commercial.id,
            ) not in occupied:
                raise ValidationError(
                    self.env._(
                        "%(resident)s does not occupy unit %(unit)s: choose one of the unit's "
                        "residents or leave the resident empty.",
                        resident=ticket.partner_id.display_name,
                        unit=ticket.unit_id.code,
                    )
                )

    @api.constrains("ticket_type_id", "stage_id")
    def _check_stage_type(self):
        for ticket in self:
            if ticket.stage_id and ticket.ticket_type_id not in ticket.stage_id.ticket_type_ids:
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s is not used by %(type)s tickets.",
                        stage=ticket.stage_id.name,
                        type=ticket.ticket_type_id.name,
                    )
                )

    @api.constrains(
        "stage_id",
        "ticket_type_id",
        "judgement",
        "judgement_reason",
        "responsible_department_id",
        "solution",
        "corrective_action",
        "reply",
        "signature",
    )
    def _check_can_close(self):
        """A done complaint is judged, answered and signed by the resident (《投訴記錄表》),
        whatever way it got there, and stays so."""
        for ticket in self.filtered(lambda t: t.kind == "complaint" and t.stage_category == "done"):
            missing = []
            if not ticket.judgement:
                missing.append(self.env._("the judgement (valid or invalid)"))
            if not (ticket.judgement_reason or "").strip():
                missing.append(self.env._("the reason for the judgement"))
            if ticket.judgement == "valid" and not ticket.responsible_department_id:
                missing.append(self.env._("the department responsible"))
            if ticket.judgement == "valid" and not html2plaintext(ticket.solution or "").strip():
                missing.append(self.env._("the solution"))
            if (
                ticket.judgement == "valid"
                and not html2plaintext(ticket.sudo().corrective_action or "").strip()
            ):
                missing.append(self.env._("the corrective action"))
            if not html2plaintext(ticket.reply or "").strip():
                missing.append(self.env._("the reply to the resident"))
            if not ticket.signature:
                missing.append(self.env._("the resident's signature"))
            if missing:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ticket)s cannot be closed without %(missing)s.",
                        ticket=ticket.name,
                        missing=", ".join(missing),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _next_number(self, company):
        """Next ticket number from the company's own ir.sequence (made with the company, or on
        first use for companies older than the module).

        No row lock on the company: ``SELECT ... FOR UPDATE`` on res_company would conflict with
        the key-share lock that every insert referencing the company takes (a billing batch,
        an invoice...), so a ticket would wait for them. Only the first ticket of a company
        takes a transaction-level advisory lock, which conflicts with nothing else, so that two
        first tickets at once do not create two sequences; the numbers themselves come from
        the sequence's PostgreSQL sequence (nextval never blocks)."""
        Sequence = self.env["ir.sequence"].sudo()
        domain = [("code", "=", "property.ticket"), ("company_id", "=", company.id)]
        sequence = Sequence.search(domain, limit=1)
        if not sequence:
            self.env.cr.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [_TICKET_SEQUENCE_LOCK, company.id]
            )
            sequence = Sequence.search(domain, limit=1) or self._create_sequences(company)
        return sequence.next_by_id()

    @api.model
    def _create_sequences(self, companies):
        """The ticket sequences of these companies, copied from the template (new companies
        get theirs at once, see res.company.create)."""
        template = self.env.ref("property_butler_ticket.property_ticket_sequence", False)
        if not template:
            return self.env["ir.sequence"]
        return (
            self.env["ir.sequence"]
            .sudo()
            .concat(
                *(template.sudo().copy({"company_id": c.id, "number_next": 1}) for c in companies)
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        # One read for all the units and projects of the batch (prefetched recordsets).
        units = self.env["property.unit"].browse(
            {v["unit_id"] for v in vals_list if v.get("unit_id")}
        )
        projects = self.env["property.project"].browse(
            {v["project_id"] for v in vals_list if v.get("project_id")}
        )
        company_of_unit = {unit.id: unit.company_id.id for unit in units}
        company_of_project = {project.id: project.company_id.id for project in projects}
        for vals in vals_list:
            if "company_id" not in vals:
                if vals.get("unit_id"):
                    vals["company_id"] = company_of_unit[vals["unit_id"]]
                elif vals.get("project_id"):
                    vals["company_id"] = company_of_project[vals["project_id"]]
            if vals.get("name", "/") == "/":
                vals["name"] = self._next_number(
                    self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                )
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("partner_id"):
            ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        tickets._notify_department()
        if any(vals.get("responsible_department_id") for vals in vals_list):
            tickets.filtered("responsible_department_id")._notify_responsible_department()
        tickets.filtered("is_closed")._on_done()
        return tickets

    def write(self, vals):
        if "ticket_type_id" in vals and self.filtered(
            lambda t: t.kind == "complaint" and t.is_closed
        ):
            raise UserError(self.env._("A closed complaint keeps its type."))
        stage = self.env["property.ticket.stage"].browse(vals.get("stage_id"))
        was_open = self.filtered(lambda t: not t.is_closed)
        if stage.category in ("done", "cancel"):
            vals.setdefault("date_done", fields.Datetime.now())
        elif stage:
            vals["date_done"] = False
            # Reopened: a new overdue period may be escalated again.
            vals["escalated"] = False
        res = super().write(vals)
        if stage.category == "done":
            was_open._on_done()
        if "department_id" in vals:
            self._notify_department()
        if vals.get("responsible_department_id"):
            self._notify_responsible_department()
        if vals.get("is_major"):
            self._notify_major_complaint()
        return res

    def _notify_department(self):
        """Give the department leader an activity for new tickets routed to their department."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self.filtered(lambda t: t.department_id.leader_id and not t.is_closed):
            ticket.activity_schedule(
                activity_type_id=todo.id,
                user_id=ticket.department_id.leader_id.id,
                date_deadline=fields.Date.context_today(ticket),
                summary=self.env._("New ticket for %s", ticket.department_id.name),
            )

    def _notify_responsible_department(self):
        """ "通知被投訴部門主管": the leader of the department complained about follows the
        complaint and gets an activity, whichever department handles it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self.filtered(
            lambda t: t.kind == "complaint" and t.responsible_department_id.leader_id
        ):
            leader = ticket.responsible_department_id.leader_id
            ticket.message_subscribe(partner_ids=leader.partner_id.ids)
            ticket.activity_schedule(
                activity_type_id=todo.id,
                user_id=leader.id,
                date_deadline=fields.Date.context_today(ticket),
                summary=self.env._(
                    "Complaint about %(department)s: %(ticket)s",
                    department=ticket.responsible_department_id.name,
                    ticket=ticket.name,
                ),
                note=self.env._(
                    "Your department is responsible for this complaint: agree the corrective "
                    "action so that it does not happen again."
                ),
            )

    def _notify_major_complaint(self):
        """A major complaint goes to the project's manager, with the year's count against the
        target (at most one a year, seed 001 1.2)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self.filtered(lambda t: t.kind == "complaint" and t.is_major):
            manager = ticket.project_id.manager_id or ticket.project_id._get_escalation_user()
            if not manager:
                continue
            ticket.activity_schedule(
                activity_type_id=todo.id,
                user_id=manager.id,
                date_deadline=fields.Date.context_today(ticket),
                summary=self.env._(
                    "Major complaint %(ticket)s: %(count)s this year (target: at most %(target)s)",
                    ticket=ticket.name,
                    count=ticket.major_complaint_year_count,
                    target=ticket.company_id.property_major_complaint_target,
                ),
            )

    @api.depends("is_major", "project_id", "date_received")
    def _compute_major_complaint_year_count(self):
        """The project's major complaints received in the ticket's year (one grouped query),
        years counted in local time, as the report and the manager read them."""
        tz = self[:1]._local_tz()
        counts = {
            (project.id, year.year): count
            for project, year, count in self.with_context(tz=tz)._read_group(
                [
                    ("project_id", "in", self.project_id.ids),
                    ("kind", "=", "complaint"),
                    ("is_major", "=", True),
                ],
                ["project_id", "date_received:year"],
                ["__count"],
            )
            if year
        }
        local = pytz.timezone(tz)
        for ticket in self:
            received = ticket.date_received or fields.Datetime.now()
            year = pytz.utc.localize(received).astimezone(local).year
            ticket.major_complaint_year_count = counts.get((ticket.project_id.id, year), 0)

    def _on_done(self):
        """Schedule the callback (回訪) for the grid's butler, once per completion (the
        ticket-invoicing addon also invoices accepted paid services)."""
        Callback = self.env["property.ticket.callback"]
        pending = set(
            Callback.search(
                [("ticket_id", "in", self.ids), ("state", "=", "scheduled")]
            ).ticket_id.ids
        )
        vals_list = []
        for ticket in self:
            if ticket.stage_category != "done" or not ticket.ticket_type_id.needs_callback:
                continue
            if ticket.id in pending:
                continue
            user = ticket.butler_id or ticket.user_id or self.env.user
            vals_list.append(
                {
                    "ticket_id": ticket.id,
                    "user_id": user.id,
                    "date_scheduled": fields.Date.context_today(ticket)
                    + timedelta(days=ticket.ticket_type_id.callback_delay_days),
                }
            )
        callbacks = Callback.create(vals_list)
        call = self.env.ref("mail.mail_activity_data_call")
        for callback in callbacks:
            callback.ticket_id.activity_schedule(
                activity_type_id=call.id,
                user_id=callback.user_id.id,
                date_deadline=callback.date_scheduled,
                summary=self.env._("Callback: ask the resident how it went"),
            )
        return callbacks

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _stage_of(self, category):
        self.ensure_one()
        return self.ticket_type_id.stage_ids.filtered(lambda s: s.category == category).sorted(
            "sequence"
        )[:1]

    def _move_to(self, category):
        for ticket in self:
            stage = ticket._stage_of(category)
            if not stage:
                raise UserError(
                    self.env._(
                        "%(type)s tickets have no stage of category %(category)s: configure "
                        "their stages first.",
                        type=ticket.ticket_type_id.name,
                        category=category,
                    )
                )
            ticket.stage_id = stage

    def action_respond(self):
        """The resident was contacted or someone is on site: the response target is met."""
        self.filtered(lambda t: not t.date_responded).write(
            {"date_responded": fields.Datetime.now()}
        )
        self.filtered(lambda t: t.stage_category == "new")._move_to("progress")
        return True

    def action_answer_on_spot(self):
        """An inquiry answered at once closes at once."""
        for ticket in self:
            if ticket.kind != "inquiry":
                raise UserError(self.env._("Only inquiries are answered on the spot."))
            if not html2plaintext(ticket.reply or "").strip():
                raise UserError(self.env._("Write the answer given to the resident first."))
        self.write({"date_responded": fields.Datetime.now()})
        self._move_to("done")
        return True

    def action_done(self):
        self.action_respond()
        self._move_to("done")
        return True

    def action_cancel(self):
        self._move_to("cancel")
        return True

    def action_reopen(self):
        self._move_to("progress")
        return True

    def _check_quotation_editable(self):
        """An accepted quotation is what the resident agreed to: its lines are frozen."""
        locked = self.filtered(lambda t: t.quotation_state == "accepted")
        if locked:
            raise UserError(
                self.env._(
                    "The quotation of %s was accepted: its lines cannot change.",
                    ", ".join(locked.mapped("name")),
                )
            )

    def action_send_quotation(self):
        for ticket in self:
            if ticket.kind != "service":
                raise UserError(self.env._("Only paid services carry a quotation."))
            if not ticket.line_ids:
                raise UserError(self.env._("Add the services and their prices first."))
        self.write({"quotation_state": "sent"})
        return True

    def _accept_quotation(self, accepted_by):
        for ticket in self:
            if ticket.quotation_state != "sent":
                raise UserError(self.env._("Quotation %s is not awaiting acceptance.", ticket.name))
        self.write(
            {
                "quotation_state": "accepted",
                "quotation_accepted_by": accepted_by,
                "quotation_accepted_on": fields.Datetime.now(),
            }
        )
        for ticket in self:
            ticket.message_post(
                body=self.env._("Quotation accepted by %s.", accepted_by),
                subtype_xmlid="mail.mt_note",
            )

    def action_accept_on_paper(self):
        """The resident accepted the quotation on paper."""
        self.ensure_one()
        self._accept_quotation(self.partner_id.name or self.env._("the resident"))
        return True

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_escalate_overdue(self, batch_size=500):
        """Flag overdue tickets and give the supervisors an activity, once per ticket:
        ``batch_size`` tickets per call of the scheduler."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._escalate_overdue_batch(batch_size)
        )

    @api.model
    def _escalate_overdue_batch(self, batch_size):
        todo = self.env.ref("mail.mail_activity_data_todo")
        tickets = self.search(
            [*self._overdue_domain(), ("escalated", "=", False)], limit=batch_size
        )
        escalate_to = {project: project._get_escalation_user() for project in tickets.project_id}
        model_id = self.env["ir.model"]._get_id(self._name)
        summary = self.env._("Overdue ticket: follow up")
        deadline = todo._get_date_deadline()
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": todo.id,
                    "user_id": escalate_to[ticket.project_id].id,
                    "summary": summary,
                    "date_deadline": deadline,
                }
                for ticket in tickets
                if escalate_to.get(ticket.project_id)
            ]
        )
        tickets.write({"escalated": True})
        remaining = self.search_count([*self._overdue_domain(), ("escalated", "=", False)])
        return CronBatch(tickets, len(tickets), remaining)
