from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyNewspaperSubscription(models.Model):
    """A resident's newspaper subscription for a unit (客戶訂報): what the desk sorts each day."""

    _name = "property.newspaper.subscription"
    _description = "Newspaper Subscription"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "project_id, building_id, unit_id, title_id, id"
    _rec_name = "title_id"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True, tracking=True
    )
    unit_code = fields.Char(
        related="unit_id.code", string="Unit Code", store=True, help="e.g. 3-2-1502."
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    title_id = fields.Many2one(
        "property.newspaper.title",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    quantity = fields.Integer(default=1, required=True, tracking=True)
    date_start = fields.Date(
        string="Term Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="Term End", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Subscriber", required=True, index=True, tracking=True
    )
    active = fields.Boolean(default=True)
    note = fields.Char()
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The term covers today.",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "Subscribe to at least one copy."),
        (
            "term_order",
            "CHECK(date_end >= date_start)",
            "The term cannot end before it starts.",
        ),
    ]

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        """The unit's billing contact (else a resident) subscribes, unless someone is given."""
        if self.unit_id and not self.partner_id:
            self.partner_id = self.unit_id.billing_partner_id or self.unit_id.resident_ids[:1]

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for subscription in self:
            subscription.is_current = (
                subscription.date_start
                and subscription.date_end
                and subscription.date_start <= today <= subscription.date_end
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Search current subscriptions with = or !=."))
        today = fields.Date.context_today(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") != value:
            return ["|", ("date_start", ">", today), ("date_end", "<", today)]
        return domain

    @api.model
    def _active_on_domain(self, day, projects):
        """The subscriptions whose term covers ``day`` in ``projects``."""
        return [
            ("project_id", "in", projects.ids),
            ("date_start", "<=", day),
            ("date_end", ">=", day),
        ]

    def _expected_by_title(self, day, projects):
        """{(project id, title id): copies expected on ``day``} (one query)."""
        groups = self._read_group(
            self._active_on_domain(day, projects),
            ["project_id", "title_id"],
            ["quantity:sum"],
        )
        return {(project.id, title.id): total for project, title, total in groups}
