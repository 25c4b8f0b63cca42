from odoo import api, fields, models
from odoo.exceptions import UserError

INSPECTION_KINDS = [
    ("cluster_daily", "Butler's Daily Cluster Inspection"),
    ("morning_check", "Morning Check (9:30)"),
    ("public_area", "Public-Area Round"),
    ("vacant_unit", "Vacant Unit Inspection"),
    ("in_home", "In-Home Service Inspection"),
]

PERIODS = [("day", "Day"), ("week", "Week"), ("month", "Month")]


class PropertyInspectionTemplate(models.Model):
    """What an inspection (巡視/巡查) checks, by category, and how often it is due."""

    _name = "property.inspection.template"
    _description = "Inspection Template"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(INSPECTION_KINDS, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    item_ids = fields.One2many(
        "property.inspection.template.item", "template_id", string="Items", copy=True
    )
    item_count = fields.Integer(compute="_compute_item_count")
    target_count = fields.Integer(
        string="Times Due",
        default=1,
        help="How many inspections each inspector owes per period, e.g. 2 a week.",
    )
    target_period = fields.Selection(PERIODS, string="Per", default="day", required=True)
    inspector_group_id = fields.Many2one(
        "res.groups",
        string="Duty Of",
        domain=lambda self: [
            ("category_id", "=", self.env.ref("property_butler.property_butler_module_category").id)
        ],
        help="The role that owes these inspections (S1 4.1-4.5). Only the users given this very "
        "role owe them: a manager, whose role implies the supervisor's and the butler's, does "
        "not owe their rounds.",
    )
    my_duty = fields.Boolean(
        compute="_compute_my_duty",
        search="_search_my_duty",
        help="Inspections your own role owes.",
    )
    description = fields.Text(translate=True)
    my_done_count = fields.Integer(
        compute="_compute_my_schedule",
        string="Done by Me",
        help="Inspections of this template you did in the current period.",
    )
    my_late = fields.Boolean(
        compute="_compute_my_schedule",
        string="Behind Schedule",
        help="You have done fewer than due in the current period.",
    )

    _sql_constraints = [
        ("target_positive", "CHECK(target_count >= 0)", "The times due cannot be negative."),
    ]

    @api.depends("item_ids")
    def _compute_item_count(self):
        for template in self:
            template.item_count = len(template.item_ids)

    @api.depends("inspector_group_id")
    @api.depends_context("uid")
    def _compute_my_duty(self):
        own = self.env.user._property_own_roles()
        for template in self:
            template.my_duty = bool(template.inspector_group_id & own)

    def _search_my_duty(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the inspections you owe."))
        own = self.env.user._property_own_roles()
        domain = [("inspector_group_id", "in", own.ids)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    def _compute_my_schedule(self):
        status = self._schedule_status()
        today = fields.Date.context_today(self)
        for template in self:
            mine = status.get((template, self.env.user), {"done": 0, "due": template.target_count})
            template.my_done_count = mine["done"]
            start, end = template._period_bounds(today)
            # Behind: what is left cannot be done in the days left of the period.
            days_left = (end - today).days + 1
            template.my_late = bool(
                template.inspector_group_id in self.env.user._property_own_roles()
                and mine["due"] - mine["done"] > days_left
            )

    def _period_bounds(self, day):
        """First and last day of the template's period around ``day``."""
        self.ensure_one()
        if self.target_period == "day":
            return day, day
        if self.target_period == "week":
            start = fields.Date.start_of(day, "week")
            return start, fields.Date.end_of(day, "week")
        return fields.Date.start_of(day, "month"), fields.Date.end_of(day, "month")

    def _schedule_status(self, day=None):
        """Per template and inspector: inspections done in the period around ``day`` against
        the times due, in one grouped query per template. The inspectors are the users whose own
        role is the template's duty (not those who hold it through a higher role).

        Returns {(template, user): {"done": n, "due": n, "late": bool}}.
        """
        day = day or fields.Date.context_today(self)
        Inspection = self.env["property.inspection"]
        inspectors_by_group = self.inspector_group_id._property_duty_holders()
        status = {}
        for template in self:
            start, end = template._period_bounds(day)
            done = dict(
                Inspection._read_group(
                    [
                        ("template_id", "=", template.id),
                        ("state", "=", "done"),
                        ("date_done", ">=", start),
                        ("date_done", "<=", end),
                    ],
                    ["user_id"],
                    ["__count"],
                )
            )
            duty = template.inspector_group_id
            inspectors = inspectors_by_group[duty] if duty else list(done)
            for user in inspectors:
                count = done.get(user, 0)
                status[(template, user)] = {
                    "done": count,
                    "due": template.target_count,
                    "late": count < template.target_count and day >= end,
                }
        return status
