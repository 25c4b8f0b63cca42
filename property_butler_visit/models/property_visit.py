from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

VISIT_KINDS = [
    ("appointment", "Appointment"),
    ("encounter", "Chance Encounter"),
    ("home_visit", "Home Visit"),
    ("grievance", "Grievance Visit"),
    ("dunning", "Fee Reminder Visit"),
]
VISIT_STATES = [
    ("follow_up", "Follow-up Open"),
    ("done", "Done"),
]
# Household units: those a visit plan counts (not parking spaces or storage rooms, not unsold).
HOUSEHOLD_DOMAIN = [("unit_type", "in", ("residential", "commercial")), ("state", "!=", "unsold")]


class PropertyVisit(models.Model):
    """A butler's customer visit (拜訪, S0 四): an appointment, a chance encounter (路遇客戶),
    a home visit (脫鞋入戶), a grievance or a fee-reminder visit, with what was talked about,
    the needs and opinions heard and whether they were answered on the spot.

    A question not answered on the spot becomes a ticket of the visit ("開單給相關部門"), and a
    follow-up date gives the butler an activity to report back to the resident; the visit is
    done once answered, followed up and its tickets closed."""

    _name = "property.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('unit_type', 'in', ('residential', 'commercial'))]",
    )
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    key_customer = fields.Boolean(related="unit_id.key_customer")
    partner_id = fields.Many2one(
        "res.partner",
        string="Person Met",
        tracking=True,
        domain="[('property_occupancy_ids.unit_id', '=?', unit_id)]",
        help="The owner, tenant or household member the butler talked to.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Butler",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    kind = fields.Selection(VISIT_KINDS, required=True, default="appointment", tracking=True)
    date = fields.Datetime(string="Visited On", required=True, default=fields.Datetime.now)
    topic_ids = fields.Many2many("property.visit.topic", string="Topics")
    needs = fields.Text(
        string="Needs and Opinions",
        help="What the resident asked for, suggested or complained about.",
    )
    answered = fields.Boolean(
        string="Answered on the Spot",
        tracking=True,
        help="The butler answered everything during the visit: nothing to follow up.",
    )
    answer = fields.Text(string="Answer Given")
    date_follow_up = fields.Date(
        string="Report Back By",
        tracking=True,
        help="The butler reports back to the resident by this date: an activity reminds them.",
    )
    followed_up = fields.Boolean(string="Reported Back", readonly=True, copy=False, tracking=True)
    ticket_ids = fields.One2many("property.ticket", "visit_id", string="Tickets")
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    open_ticket_count = fields.Integer(compute="_compute_ticket_count", string="Open Tickets")
    state = fields.Selection(
        VISIT_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
        help="Done once answered on the spot, or reported back with its tickets closed.",
    )

    @api.depends("ticket_ids.is_closed")
    def _compute_ticket_count(self):
        for visit in self:
            visit.ticket_count = len(visit.ticket_ids)
            visit.open_ticket_count = len(visit.ticket_ids.filtered(lambda t: not t.is_closed))

    @api.depends("answered", "followed_up", "date_follow_up", "ticket_ids.is_closed")
    def _compute_state(self):
        for visit in self:
            open_tickets = visit.ticket_ids.filtered(lambda t: not t.is_closed)
            waiting = not visit.answered and (
                (visit.date_follow_up and not visit.followed_up) or open_tickets
            )
            visit.state = "follow_up" if waiting else "done"

    @api.depends("unit_id.code", "date")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = " · ".join(
                filter(None, [visit.name if visit.name != "/" else "", visit.unit_id.code])
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("property.visit") or "/"
        visits = super().create(vals_list)
        visits._schedule_follow_up()
        return visits

    def write(self, vals):
        result = super().write(vals)
        if {"date_follow_up", "user_id", "answered"} & vals.keys():
            self._schedule_follow_up()
        return result

    # ------------------------------------------------------------------
    # Follow-up
    # ------------------------------------------------------------------
    def _schedule_follow_up(self):
        """One "report back" activity per visit with a follow-up date, for its butler, due that
        day; moved when the date or the butler changes, dropped once answered."""
        activity_type = self.env.ref("property_butler_visit.mail_activity_data_visit_follow_up")
        for visit in self:
            current = visit.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            if visit.answered or visit.followed_up or not visit.date_follow_up:
                current.unlink()
                continue
            if current:
                current.write({"date_deadline": visit.date_follow_up, "user_id": visit.user_id.id})
                continue
            visit.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=visit.date_follow_up,
                user_id=visit.user_id.id,
                summary=self.env._("Report back to %(unit)s", unit=visit.unit_id.code),
                note=escape(visit.needs or ""),
            )

    def action_follow_up_done(self):
        """The butler reported back to the resident."""
        waiting = self.filtered(lambda v: v.date_follow_up and not v.followed_up)
        if not waiting:
            raise UserError(self.env._("There is no follow-up to report on these visits."))
        waiting.write({"followed_up": True})
        waiting.activity_feedback(["property_butler_visit.mail_activity_data_visit_follow_up"])
        return True

    def action_create_ticket(self):
        """An open question of the visit becomes a ticket for the department concerned (the
        ticket form, filled in from the visit)."""
        self.ensure_one()
        context = {
            "default_visit_id": self.id,
            "default_unit_id": self.unit_id.id,
            "default_partner_id": self.partner_id.id,
            "default_channel": "butler_visit",
            "default_title": ", ".join(self.topic_ids.mapped("name")) or self.unit_id.code,
            "default_description": Markup("<p>%s</p>") % (self.needs or ""),
        }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Ticket"),
            "res_model": "property.ticket",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": context,
        }

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_ticket.property_ticket_action"
        )
        action.update(
            domain=[("visit_id", "=", self.id)],
            context={"default_visit_id": self.id, "default_unit_id": self.unit_id.id},
        )
        return action
