from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The butler rates the back office (後臺能力的評價者): speed, quality, communication, 1 to 5.
BUTLER_SCORES = [(str(n), str(n)) for n in range(1, 6)]
BUTLER_SCORE_FIELDS = ("butler_score_speed", "butler_score_quality", "butler_score_communication")
RATING_ACTIVITY = "property_butler_visit.mail_activity_data_department_rating"


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    visit_id = fields.Many2one(
        "property.visit",
        string="Customer Visit",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The butler's visit where the question came up.",
    )
    butler_score_speed = fields.Selection(
        BUTLER_SCORES, string="Speed", copy=False, groups="base.group_user"
    )
    butler_score_quality = fields.Selection(
        BUTLER_SCORES, string="Quality of the Work", copy=False, groups="base.group_user"
    )
    butler_score_communication = fields.Selection(
        BUTLER_SCORES, string="Communication", copy=False, groups="base.group_user"
    )
    butler_rating_note = fields.Text(
        string="Butler's Comment", copy=False, groups="base.group_user"
    )
    butler_rated_on = fields.Datetime(
        string="Rated by the Butler On", readonly=True, copy=False, groups="base.group_user"
    )
    butler_rating_wanted = fields.Boolean(
        compute="_compute_butler_rating_wanted",
        help="Done by another department than customer service, in a butler's grid.",
    )

    @api.depends("stage_category", "department_id.kind", "butler_id")
    def _compute_butler_rating_wanted(self):
        for ticket in self:
            ticket.butler_rating_wanted = ticket._wants_butler_rating()

    def _wants_butler_rating(self):
        self.ensure_one()
        return bool(
            self.stage_category == "done"
            and self.butler_id
            and self.department_id
            and self.department_id.kind != "customer_service"
        )

    @api.constrains(*BUTLER_SCORE_FIELDS)
    def _check_butler_scores(self):
        for ticket in self:
            scores = [ticket[name] for name in BUTLER_SCORE_FIELDS]
            if any(scores) and not all(scores):
                raise ValidationError(
                    self.env._("Rate the department's speed, quality and communication together.")
                )

    def write(self, vals):
        result = super().write(vals)
        if set(BUTLER_SCORE_FIELDS) & vals.keys():
            # The butler's rating recorded: when, and the request to rate is done.
            rated = self.filtered(lambda t: all(t[name] for name in BUTLER_SCORE_FIELDS))
            if rated:
                super(PropertyTicket, rated).write({"butler_rated_on": fields.Datetime.now()})
                rated.activity_feedback([RATING_ACTIVITY])
        return result

    def _on_done(self):
        """Besides the resident's callback: the butler of the grid rates the work of the
        department that did it (not when customer service did it themselves), once."""
        result = super()._on_done()
        to_rate = self.filtered(lambda t: t._wants_butler_rating() and not t.butler_rated_on)
        if not to_rate:
            return result  # no query more for the tickets that are not done
        rating_type = self.env.ref(RATING_ACTIVITY)
        for ticket in to_rate:
            if ticket.activity_ids.filtered(lambda a: a.activity_type_id == rating_type):
                continue
            ticket.activity_schedule(
                RATING_ACTIVITY,
                user_id=ticket.butler_id.id,
                summary=self.env._(
                    "Rate the work of %(department)s", department=ticket.department_id.name
                ),
            )
        return result
