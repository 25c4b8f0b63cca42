from odoo import api, fields, models
from odoo.exceptions import UserError

SESSION_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class PropertyTrainingSession(models.Model):
    """A training session on one topic: when, where, by whom, who attends, their exam scores.
    The year's sessions are the yearly training plan; a session done gives each person present
    a pass or a fail against the topic's mark."""

    _name = "property.training.session"
    _description = "Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    topic_id = fields.Many2one("property.training.topic", required=True, tracking=True)
    # The topic's, in the reader's language.
    name = fields.Char(related="topic_id.name", string="Session")
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["property.project"]._default_for_user(),
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    trainer_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    location = fields.Char()
    state = fields.Selection(
        SESSION_STATES, required=True, default="planned", readonly=True, tracking=True, copy=False
    )
    attendance_ids = fields.One2many("property.training.attendance", "session_id", copy=False)
    attendee_count = fields.Integer(compute="_compute_counts", string="Attendees")
    passed_count = fields.Integer(compute="_compute_counts", string="Passed")

    @api.depends("attendance_ids.present", "attendance_ids.passed")
    def _compute_counts(self):
        for session in self:
            present = session.attendance_ids.filtered("present")
            session.attendee_count = len(present)
            session.passed_count = len(present.filtered("passed"))

    def action_invite_required(self):
        """Add the staff whose roles require the topic and who have not passed it yet."""
        for session in self:
            if session.state != "planned":
                raise UserError(self.env._("%s is no longer planned.", session.name))
            users = session._staff_to_train()
            session.attendance_ids = [
                fields.Command.create({"user_id": user.id})
                for user in users - session.attendance_ids.user_id
            ]
        return True

    def _staff_to_train(self):
        """The company's staff in the topic's roles who have not passed it."""
        self.ensure_one()
        groups = self.topic_id.group_ids
        if not groups:
            return self.env["res.users"]
        users = self.env["res.users"].search(
            [
                ("share", "=", False),
                ("groups_id", "in", groups.ids),
                ("company_ids", "in", self.company_id.ids),
            ]
        )
        passed = self.env["property.training.attendance"].search(
            [
                ("topic_id", "=", self.topic_id.id),
                ("passed", "=", True),
                ("user_id", "in", users.ids),
            ]
        )
        return users - passed.user_id

    def action_done(self):
        for session in self:
            if session.state != "planned":
                raise UserError(self.env._("%s is no longer planned.", session.name))
            if not session.attendance_ids.filtered("present"):
                raise UserError(
                    self.env._("Record who attended %s before closing it.", session.name)
                )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda session: session.state == "done"):
            raise UserError(self.env._("A session done cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_print_attendance(self):
        return self.env.ref(
            "property_butler_training.property_training_session_report_action"
        ).report_action(self)

    @api.model
    def _pass_rate(self, date_from, date_to, domain=None):
        """The share of the exams taken in the period that passed, per project: {project id:
        (passed, taken)}; one grouped query."""
        Attendance = self.env["property.training.attendance"]
        result = {}
        for project, passed, count in Attendance._read_group(
            [
                ("session_id.state", "=", "done"),
                ("present", "=", True),
                ("date", ">=", date_from),
                ("date", "<", date_to),
                *(domain or []),
            ],
            ["project_id", "passed"],
            ["__count"],
        ):
            done, taken = result.get(project.id, (0, 0))
            result[project.id] = (done + (count if passed else 0), taken + count)
        return result
