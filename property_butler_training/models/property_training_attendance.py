from odoo import api, fields, models


class PropertyTrainingAttendance(models.Model):
    """A person at a training session: present or not, the exam score and whether it passes
    the topic's mark."""

    _name = "property.training.attendance"
    _description = "Training Attendance"
    _order = "date desc, id desc"
    _check_company_auto = True

    session_id = fields.Many2one(
        "property.training.session",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    topic_id = fields.Many2one(related="session_id.topic_id", store=True, index=True)
    project_id = fields.Many2one(related="session_id.project_id", store=True, index=True)
    date = fields.Datetime(related="session_id.date", store=True)
    session_state = fields.Selection(related="session_id.state", string="Session Status")
    user_id = fields.Many2one(
        "res.users", string="Person", required=True, index=True, domain="[('share', '=', False)]"
    )
    present = fields.Boolean(default=True)
    score = fields.Float(string="Exam Score")
    passed = fields.Boolean(compute="_compute_passed", store=True)

    _sql_constraints = [
        ("attendance_unique", "UNIQUE(session_id, user_id)", "A person attends a session once."),
        ("score_range", "CHECK(score >= 0 AND score <= 100)", "A score is between 0 and 100."),
    ]

    @api.depends("present", "score", "session_id.state", "topic_id.pass_score")
    def _compute_passed(self):
        for attendance in self:
            attendance.passed = (
                attendance.session_id.state == "done"
                and attendance.present
                and attendance.score >= attendance.topic_id.pass_score
            )
