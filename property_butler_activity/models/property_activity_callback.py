from odoo import api, fields, models
from odoo.exceptions import UserError

RATINGS = [
    ("1", "1 - Very Poor"),
    ("2", "2 - Poor"),
    ("3", "3 - Fair"),
    ("4", "4 - Good"),
    ("5", "5 - Excellent"),
]


class PropertyActivityCallback(models.Model):
    """After a community activity the butler calls each attendee back (活動結束后回訪): how they
    liked it, a 1–5 rating, and their ideas for the next one."""

    _name = "property.activity.callback"
    _description = "Activity Callback"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "state desc, date_end desc, id"
    _check_company_auto = True

    event_id = fields.Many2one(
        "event.event",
        string="Activity",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    registration_id = fields.Many2one(
        "event.registration",
        string="Sign-up",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(
        related="registration_id.partner_id", store=True, string="Resident", index=True
    )
    unit_id = fields.Many2one(related="registration_id.unit_id", store=True, index=True)
    grid_id = fields.Many2one(related="unit_id.grid_id", store=True, index=True)
    project_id = fields.Many2one(related="event_id.property_project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, precompute=True
    )
    date_end = fields.Datetime(related="event_id.date_end", store=True, string="Activity Ended")
    user_id = fields.Many2one(
        "res.users",
        string="Butler",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    rating = fields.Selection(RATINGS, tracking=True)
    feedback = fields.Text(help="How the resident liked the activity, their opinions.")
    suggestion = fields.Text(
        string="Ideas for the Next Activity",
        help="What the resident suggests for the next community activity.",
    )
    state = fields.Selection(
        [("todo", "To Call"), ("done", "Done")],
        default="todo",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    date_done = fields.Datetime(string="Called On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "registration_uniq",
            "unique(registration_id)",
            "A sign-up has only one callback.",
        )
    ]

    @api.depends("event_id.name", "partner_id.name", "unit_id.code")
    def _compute_display_name(self):
        for callback in self:
            callback.display_name = " · ".join(
                filter(
                    None, [callback.event_id.name, callback.unit_id.code, callback.partner_id.name]
                )
            )

    @api.model
    def _create_for(self, registrations):
        """The callbacks of these attended sign-ups that have none yet, for their grid's butler
        (else the activity's responsible)."""
        registrations = registrations.filtered(lambda r: not r.property_callback_ids)
        if not registrations:
            return self.browse()
        self.env.cr.execute(
            "SELECT registration_id FROM property_activity_callback WHERE registration_id IN %s",
            [tuple(registrations.ids)],
        )
        existing = {row[0] for row in self.env.cr.fetchall()}
        vals_list = [
            {
                "event_id": registration.event_id.id,
                "registration_id": registration.id,
                "user_id": (
                    registration.unit_id.grid_id.butler_id or registration.event_id.user_id
                ).id,
            }
            for registration in registrations
            if registration.id not in existing
        ]
        return self.create(vals_list)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "todo") != "todo" or vals.get("date_done") for vals in vals_list
        ):
            raise UserError(
                self.env._("A callback is created to be made: use its buttons to go on.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and ("state" in vals or "date_done" in vals):
            raise UserError(self.env._("The status of a callback changes with its buttons only."))
        return super().write(vals)

    def action_done(self):
        self.check_access("write")
        if any(callback.state != "todo" for callback in self):
            raise UserError(self.env._("Only a callback still to make can be marked as done."))
        if any(not callback.rating for callback in self):
            raise UserError(self.env._("Give the resident's rating (1 to 5) first."))
        self.sudo().write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def action_reset(self):
        self.check_access("write")
        self.filtered(lambda c: c.state == "done").sudo().write(
            {"state": "todo", "date_done": False}
        )
        return True
