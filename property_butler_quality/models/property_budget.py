from odoo import api, fields, models


class PropertyBudget(models.Model):
    """A project's yearly budget of the department and what was spent against it (entered by
    the manager, e.g. from accounting's figures): the target "spending within budget"."""

    _name = "property.budget"
    _description = "Yearly Budget"
    _inherit = ["property.company.mixin"]
    _order = "year desc, project_id"
    _check_company_auto = True

    project_id = fields.Many2one("property.project", required=True, index=True, check_company=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    amount_budget = fields.Monetary(string="Budget", currency_field="currency_id")
    amount_spent = fields.Monetary(
        string="Spent", currency_field="currency_id", help="What was spent so far this year."
    )
    spent_ratio = fields.Float(
        string="Spent (%)", compute="_compute_spent_ratio", store=True, aggregator="avg"
    )
    within_budget = fields.Boolean(compute="_compute_spent_ratio", store=True)
    note = fields.Char()

    _sql_constraints = [
        ("budget_unique", "UNIQUE(project_id, year)", "A project has one budget a year."),
        (
            "amounts_positive",
            "CHECK(amount_budget >= 0 AND amount_spent >= 0)",
            "Budget and spending cannot be negative.",
        ),
        ("year_valid", "CHECK(year BETWEEN 2000 AND 2100)", "Enter a year such as 2026."),
    ]

    @api.depends("amount_budget", "amount_spent")
    def _compute_spent_ratio(self):
        for budget in self:
            budget.spent_ratio = (
                100.0 * budget.amount_spent / budget.amount_budget if budget.amount_budget else 0.0
            )
            budget.within_budget = budget.amount_spent <= budget.amount_budget

    @api.depends("project_id", "year")
    def _compute_display_name(self):
        for budget in self:
            budget.display_name = f"{budget.project_id.name or ''} {budget.year or ''}".strip()
