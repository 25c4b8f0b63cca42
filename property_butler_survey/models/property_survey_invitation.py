from markupsafe import Markup, escape

from odoo import api, fields, models


class PropertySurveyInvitation(models.Model):
    """One household invited to a campaign: the unit, its grid and butler at the draw, the
    contact asked (the unit's billing contact, else an owner) and the survey answer
    (survey.user_input) that holds the resident's token and answers."""

    _name = "property.survey.invitation"
    _description = "Satisfaction Survey Invitation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "campaign_id desc, unit_id"
    _rec_name = "unit_id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "property.survey.campaign",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    survey_id = fields.Many2one(related="campaign_id.survey_id", string="Questionnaire")
    unit_id = fields.Many2one("property.unit", required=True, index=True, check_company=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    grid_id = fields.Many2one("property.grid", index=True, check_company=True, ondelete="set null")
    butler_id = fields.Many2one("res.users", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Resident", required=True, index=True, ondelete="cascade"
    )
    user_input_id = fields.Many2one(
        "survey.user_input", string="Answer", required=True, ondelete="cascade", index=True
    )
    state = fields.Selection(related="user_input_id.state", store=True, string="Status", index=True)
    date_done = fields.Datetime(
        related="user_input_id.end_datetime", store=True, string="Answered On"
    )
    responded = fields.Float(
        string="Response Rate (%)",
        compute="_compute_responded",
        store=True,
        aggregator="avg",
        help="100 for an answered invitation, 0 otherwise: averaged, the response rate.",
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        aggregator="avg",
        readonly=True,
        help="The share of the household's scored items answered satisfied.",
    )
    unsatisfied = fields.Boolean(
        readonly=True,
        index=True,
        help="An item was answered at or below the company's unsatisfied score: the butler "
        "follows it up.",
    )

    _sql_constraints = [
        (
            "campaign_unit_uniq",
            "unique(campaign_id, unit_id)",
            "A household is invited once per campaign.",
        ),
    ]

    @api.depends("state")
    def _compute_responded(self):
        for invitation in self:
            invitation.responded = 100.0 if invitation.state == "done" else 0.0

    def _compute_display_name(self):
        for invitation in self:
            invitation.display_name = (
                f"{invitation.campaign_id.name} · {invitation.unit_id.display_name}"
            )

    def _send_invitation_mail(self):
        """E-mail the survey's invitation (Odoo's survey invite template) to the households
        that have an e-mail address; the others answer on the portal."""
        if self.env.context.get("property_survey_no_mail"):
            return
        template = self.env.ref("survey.mail_template_user_input_invite", raise_if_not_found=False)
        with_email = self.filtered(lambda i: i.partner_id.email)
        if template and with_email:
            template.sudo().send_mail_batch(
                with_email.user_input_id.ids, email_layout_xmlid="mail.mail_notification_light"
            )

    def _on_answered(self):
        """The household answered: its satisfaction rate, and for an unsatisfied item a
        follow-up activity for the grid's butler (else the backup butler, the project's
        supervisor or manager, the campaign's responsible)."""
        Line = self.env["survey.user_input.line"].sudo()
        lines = Line.search(
            [
                ("user_input_id", "in", self.user_input_id.ids),
                ("answer_type", "=", "suggestion"),
                ("skipped", "=", False),
                ("suggested_answer_id.answer_score", ">", 0),
            ]
        )
        by_input = {}
        for line in lines:
            by_input.setdefault(line.user_input_id.id, []).append(line)
        todo = self.env.ref("mail.mail_activity_data_todo")
        for invitation in self:
            company = invitation.company_id
            scored = by_input.get(invitation.user_input_id.id, [])
            satisfied = [
                line
                for line in scored
                if line.suggested_answer_id.answer_score >= company.property_survey_satisfied_score
            ]
            low = [
                line
                for line in scored
                if line.suggested_answer_id.answer_score
                <= company.property_survey_unsatisfied_score
            ]
            invitation.write(
                {
                    "satisfaction_rate": 100.0 * len(satisfied) / len(scored) if scored else 0.0,
                    "unsatisfied": bool(low),
                }
            )
            if not low:
                continue
            grid = invitation.grid_id
            user = (
                grid.butler_id
                or grid.backup_butler_id
                or invitation.project_id._get_escalation_user()
                or invitation.campaign_id.user_id
            )
            items = Markup("").join(
                Markup("<li>%s: %s</li>") % (line.question_id.title, line.suggested_answer_id.value)
                for line in low
            )
            invitation.activity_schedule(
                activity_type_id=todo.id,
                user_id=user.id,
                summary=self.env._("Unsatisfied survey answer: call the household back"),
                note=Markup("<p>%s</p><ul>%s</ul>") % (escape(invitation.display_name), items),
            )
