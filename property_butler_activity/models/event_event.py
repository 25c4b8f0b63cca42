from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

ACTIVITY_STATES = [
    ("draft", "Draft Plan"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
]
MANAGER = "property_butler.property_butler_group_manager"


class EventEvent(models.Model):
    """A community activity (社區文化活動) is an event of a property project: its plan is
    approved by the manager before it is announced, opened for sign-up or checked in."""

    _inherit = "event.event"

    property_project_id = fields.Many2one(
        "property.project",
        index=True,
        check_company=True,
        tracking=True,
        help="A community activity of this project: its residents sign up from the portal.",
    )
    property_state = fields.Selection(
        ACTIVITY_STATES,
        string="Plan Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    property_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    property_notice_id = fields.Many2one(
        "property.notice", string="Notice", readonly=True, copy=False, check_company=True
    )
    property_headcount = fields.Integer(
        string="Headcount",
        compute="_compute_property_headcount",
        help="People signed up (each sign-up counts the people it brings), attended included.",
    )
    property_attended_count = fields.Integer(
        string="People Checked In", compute="_compute_property_headcount"
    )
    property_seats_left = fields.Integer(
        string="Places Left", compute="_compute_property_headcount"
    )
    property_callback_ids = fields.One2many(
        "property.activity.callback", "event_id", string="Callbacks"
    )
    property_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_property_callback_count"
    )

    @api.depends("registration_ids.state", "registration_ids.property_party_size", "seats_max")
    def _compute_property_headcount(self):
        # sudo: the counts only (a butler restricted to his grids sees the whole headcount).
        people = self._property_people(("open", "done"))
        attended = self._property_people(("done",))
        for event in self:
            event.property_headcount = people.get(event.id, 0)
            event.property_attended_count = attended.get(event.id, 0)
            event.property_seats_left = (
                max(event.seats_max - event.property_headcount, 0) if event.seats_limited else 0
            )

    def _property_people(self, states):
        ids = [event_id for event_id in self.ids if isinstance(event_id, int)]
        if not ids:
            return {}
        groups = (
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [("event_id", "in", ids), ("state", "in", states)],
                ["event_id"],
                ["property_party_size:sum"],
            )
        )
        return {event.id: total for event, total in groups}

    @api.depends("property_callback_ids")
    def _compute_property_callback_count(self):
        for event in self:
            event.property_callback_count = len(event.property_callback_ids)

    # ------------------------------------------------------------------
    # Approval
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("property_state", "draft") != "draft" or vals.get("property_approved_by_id")
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "An activity plan is created as a draft: submit it, the manager approves it."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and ("property_state" in vals or "property_approved_by_id" in vals):
            raise UserError(
                self.env._(
                    "The status of an activity plan and its approval change with its buttons only."
                )
            )
        return super().write(vals)

    def _property_activities(self):
        activities = self.filtered("property_project_id")
        if activities != self:
            raise UserError(self.env._("This is not a community activity of a property project."))
        return activities

    def action_property_submit(self):
        activities = self._property_activities()
        activities.check_access("write")
        if any(a.property_state != "draft" for a in activities):
            raise UserError(self.env._("Only draft activity plans can be submitted."))
        activities.sudo().write({"property_state": "submitted"})
        return True

    def action_property_approve(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a manager of the property approves activities."))
        activities = self._property_activities()
        activities.check_access("write")
        if any(a.property_state != "submitted" for a in activities):
            raise UserError(self.env._("Only submitted activity plans can be approved."))
        activities.sudo().write(
            {"property_state": "approved", "property_approved_by_id": self.env.uid}
        )
        return True

    def action_property_reset_draft(self):
        activities = self._property_activities()
        if any(a.property_state == "approved" for a in activities) and not self.env.user.has_group(
            MANAGER
        ):
            raise AccessError(self.env._("Only a manager of the property reopens approved plans."))
        activities.check_access("write")
        activities.sudo().write({"property_state": "draft", "property_approved_by_id": False})
        return True

    def _property_lock(self):
        """Lock these activities' rows until the end of the transaction, before their places
        are counted: a concurrent sign-up for the same activity waits for this one.

        Odoo's transactions are REPEATABLE READ: a transaction that waited for the lock would
        still not see the sign-up made meanwhile. The row is therefore touched too: the waiting
        transaction then fails with a serialization error and Odoo runs it again on a new
        snapshot, which counts that sign-up."""
        ids = tuple(sorted(id_ for id_ in self.ids if isinstance(id_, int)))
        if not ids:
            return
        self.env.cr.execute(
            "SELECT id FROM event_event WHERE id IN %s ORDER BY id FOR UPDATE", [ids]
        )
        self.env.cr.execute("UPDATE event_event SET write_date = write_date WHERE id IN %s", [ids])

    def _property_portal_signup(self, partner, unit, party_size):
        """The resident's sign-up from the portal, counted under the activity's lock: returns
        ``(registration, error)``, error one of ``already``, ``closed``, ``full``, ``refused``
        (nothing is written then)."""
        self.ensure_one()
        self._property_lock()
        # Read again what a concurrent transaction may have changed before it released the lock.
        self.invalidate_recordset()
        Registration = self.env["event.registration"]
        Registration.invalidate_model()
        if Registration.search_count(
            [
                ("event_id", "=", self.id),
                ("partner_id", "=", partner.id),
                ("state", "in", ("draft", "open", "done")),
            ],
            limit=1,
        ):
            return Registration, "already"
        if not self.event_registrations_open:
            return Registration, "closed"
        people = self._property_people(("open", "done")).get(self.id, 0)
        if self.seats_limited and people + party_size > self.seats_max:
            return Registration, "full"
        try:
            with self.env.cr.savepoint():
                # (the confirmation mail is sent after the savepoint: sending may commit)
                registration = Registration.with_context(
                    property_defer_mail_schedulers=True
                ).create(
                    {
                        "event_id": self.id,
                        "partner_id": partner.id,
                        "unit_id": unit.id,
                        "property_party_size": party_size,
                    }
                )
        except (UserError, ValidationError):
            return Registration, "refused"
        registration.with_context(property_defer_mail_schedulers=False)._update_mail_schedulers()
        return registration, None

    def _property_check_approved(self):
        unapproved = self.filtered(
            lambda e: e.property_project_id and e.property_state != "approved"
        )
        if unapproved:
            raise UserError(
                self.env._(
                    "The plan of %(names)s is not approved by the manager yet.",
                    names=", ".join(unapproved.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Notice
    # ------------------------------------------------------------------
    def _property_notice_body(self):
        self.ensure_one()
        tz = self.date_tz or "Asia/Shanghai"
        begin = fields.Datetime.context_timestamp(self.with_context(tz=tz), self.date_begin)
        end = fields.Datetime.context_timestamp(self.with_context(tz=tz), self.date_end)
        when = (
            f"{begin:%Y-%m-%d %H:%M} – {end:%H:%M}"
            if begin.date() == end.date()
            else (f"{begin:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}")
        )
        lines = [
            Markup("<p><strong>%s</strong> %s</p>") % (self.env._("When:"), when),
        ]
        if self.address_id:
            lines.append(
                Markup("<p><strong>%s</strong> %s</p>")
                % (self.env._("Where:"), self.address_id.display_name)
            )
        if self.description:
            lines.append(self.description)
        lines.append(
            Markup("<p>%s</p>")
            % self.env._("Sign up in the resident portal under My Activities (/my/activities).")
        )
        return Markup("").join(
            escape(line) if not isinstance(line, Markup) else line for line in lines
        )

    def action_property_announce(self):
        """Announce the approved activity to the residents of its project: a notice of category
        Community Activity, posted today and expiring when the activity ends."""
        activities = self._property_activities()
        activities._property_check_approved()
        Notice = self.env["property.notice"]
        for event in activities:
            if event.property_notice_id:
                continue
            local = event.with_context(tz=event.date_tz or DEFAULT_TZ)
            notice = Notice.create(
                {
                    "name": event.name,
                    "body": event._property_notice_body(),
                    "category": "activity",
                    "project_id": event.property_project_id.id,
                    # the days of the activity where it takes place
                    "date_post": fields.Date.context_today(local),
                    "date_expiry": fields.Date.context_today(local, event.date_end),
                }
            )
            notice.action_post()
            event.property_notice_id = notice
        return True

    def action_property_view_notice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.notice",
            "res_id": self.property_notice_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # Sign-up list, callbacks
    # ------------------------------------------------------------------
    def action_property_print_signups(self):
        return self.env.ref(
            "property_butler_activity.action_report_property_activity_signup"
        ).report_action(self)

    def action_property_create_callbacks(self):
        activities = self._property_activities()
        activities._property_create_callbacks()
        return self.action_property_view_callbacks()

    def action_property_view_callbacks(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_activity.property_activity_callback_action"
        )
        action["domain"] = [("event_id", "in", self.ids)]
        action["context"] = {}
        return action

    def _property_create_callbacks(self, limit=None):
        """One callback per attendee of these activities that have ended (idempotent: a
        sign-up has at most one callback). Returns the callbacks created."""
        now = fields.Datetime.now()
        ended = self.filtered(
            lambda e: e.property_project_id and e.property_state == "approved" and e.date_end <= now
        )
        if not ended:
            return self.env["property.activity.callback"]
        Registration = self.env["event.registration"].sudo()
        attendees = Registration.search(
            [
                ("event_id", "in", ended.ids),
                ("state", "=", "done"),
                ("property_callback_ids", "=", False),
            ],
            limit=limit,
            order="id",
        )
        return self.env["property.activity.callback"].sudo()._create_for(attendees)

    @api.model
    def _cron_property_create_callbacks(self, batch_size=200):
        """Daily: the callbacks of the attendees of the activities that have ended."""
        now = fields.Datetime.now()
        domain = [
            ("event_id.property_project_id", "!=", False),
            ("event_id.property_state", "=", "approved"),
            ("event_id.date_end", "<=", now),
            ("state", "=", "done"),
            ("property_callback_ids", "=", False),
        ]
        Registration = self.env["event.registration"].sudo()
        attendees = Registration.search(domain, limit=batch_size, order="id")
        callbacks = self.env["property.activity.callback"].sudo()._create_for(attendees)
        remaining = Registration.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(attendees), remaining=remaining)
        return callbacks
