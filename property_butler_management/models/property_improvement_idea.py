from odoo import api, fields, models
from odoo.exceptions import UserError

GROUP = "property_butler.property_butler_group_"
IDEA_STATES = [
    ("proposed", "Proposed"),
    ("evaluating", "Being Evaluated"),
    ("adopted", "Adopted"),
    ("rejected", "Not Adopted"),
]
# What the supervisors decide: the proposer writes the idea, not its fate.
EVALUATION_FIELDS = {"state", "evaluator_id", "evaluation", "date_adopted", "saving"}


class PropertyImprovementIdea(models.Model):
    """A staff improvement idea (合理化建議, S1 4.4: "積極提出合理化建議"): proposed by anyone of
    the department, evaluated by a supervisor, adopted or not, with the saving or benefit.
    Adopted ideas count for the target of two a year (S1 1.2)."""

    _name = "property.improvement.idea"
    _description = "Improvement Idea"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Idea", required=True, tracking=True)
    description = fields.Text(help="What to change, and why.")
    user_id = fields.Many2one(
        "res.users",
        string="Proposed By",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    date = fields.Date(string="Proposed On", required=True, default=fields.Date.context_today)
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
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        IDEA_STATES, required=True, default="proposed", readonly=True, tracking=True, copy=False
    )
    evaluator_id = fields.Many2one(
        "res.users", string="Evaluated By", readonly=True, copy=False, tracking=True
    )
    evaluation = fields.Text(help="The evaluation: feasibility, cost, who carries it out.")
    benefit = fields.Text(help="What it brings: time, quality, residents.")
    saving = fields.Monetary(
        string="Yearly Saving", currency_field="currency_id", help="The money it saves a year."
    )
    date_adopted = fields.Date(string="Adopted On", readonly=True, copy=False)
    can_evaluate = fields.Boolean(compute="_compute_can_evaluate")

    _sql_constraints = [
        ("saving_positive", "CHECK(saving >= 0)", "A saving cannot be negative."),
    ]

    @api.depends_context("uid")
    def _compute_can_evaluate(self):
        self.can_evaluate = self.env.user.has_group(GROUP + "supervisor")

    def _check_evaluator(self):
        if not self.env.su and not self.env.user.has_group(GROUP + "supervisor"):
            raise UserError(self.env._("Only a supervisor or manager evaluates an idea."))

    def write(self, vals):
        if EVALUATION_FIELDS & set(vals):
            self._check_evaluator()
        elif not self.env.su and not self.env.user.has_group(GROUP + "supervisor"):
            others = self.filtered(lambda idea: idea.user_id != self.env.user)
            if others or self.filtered(lambda idea: idea.state != "proposed"):
                raise UserError(
                    self.env._("Only its author changes an idea, and only until it is evaluated.")
                )
        return super().write(vals)

    def _decide(self, state, from_states):
        wrong = self.filtered(lambda idea: idea.state not in from_states)
        if wrong:
            raise UserError(self.env._("%s has already been decided on.", wrong[0].name))
        vals = {"state": state, "evaluator_id": self.env.user.id}
        if state == "adopted":
            vals["date_adopted"] = fields.Date.context_today(self)
        self.write(vals)
        return True

    def action_evaluate(self):
        return self._decide("evaluating", ("proposed",))

    def action_adopt(self):
        self._check_evaluator()
        for idea in self:
            if not (idea.evaluation or "").strip():
                raise UserError(
                    self.env._("Write the evaluation of %s before adopting it.", idea.name)
                )
        return self._decide("adopted", ("proposed", "evaluating"))

    def action_reject(self):
        self._check_evaluator()
        for idea in self:
            if not (idea.evaluation or "").strip():
                raise UserError(
                    self.env._("Write why %s is not adopted in its evaluation.", idea.name)
                )
        return self._decide("rejected", ("proposed", "evaluating"))
