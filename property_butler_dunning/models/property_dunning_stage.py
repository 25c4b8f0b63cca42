from calendar import monthrange
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUARTER_MONTHS = [
    ("every", "Every Month"),
    ("1", "1st Month"),
    ("2", "2nd Month"),
    ("3", "3rd Month"),
]


def month_start(day):
    return day.replace(day=1)


class PropertyDunningStage(models.Model):
    """A step of the quarterly dunning calendar (催收): a window of days in one month of the
    quarter, or in every month (the monthly call after the statements). Where a monthly stage and
    a stage of one month of the quarter share days, the latter is due in its month."""

    _name = "property.dunning.stage"
    _description = "Dunning Stage"
    _inherit = ["property.company.mixin"]
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="Cases only move to stages of a higher sequence.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    quarter_month = fields.Selection(
        QUARTER_MONTHS,
        string="Month of the Quarter",
        required=True,
        default="1",
        help="Every Month: the stage comes back each month (a new activity each month), except "
        "on the days a stage of that month of the quarter is due.",
    )
    day_from = fields.Integer(string="From Day", required=True, default=1)
    day_to = fields.Integer(string="To Day", required=True, default=31)
    action = fields.Text(string="What To Do", translate=True)
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity",
        default=lambda self: self.env.ref("mail.mail_activity_data_call", raise_if_not_found=False),
        help="The activity the butler gets for each case entering this stage.",
    )
    case_count = fields.Integer(compute="_compute_case_count", string="Open Cases")

    _sql_constraints = [
        (
            "day_range",
            "CHECK(day_from >= 1 AND day_to <= 31 AND day_from <= day_to)",
            "A dunning stage's days run from 1 to 31, the first not after the last.",
        ),
    ]

    def _compute_case_count(self):
        counts = dict(
            self.env["property.dunning.case"]._read_group(
                [("stage_id", "in", self.ids), ("state", "=", "open")], ["stage_id"], ["__count"]
            )
        )
        for stage in self:
            stage.case_count = counts.get(stage, 0)

    @api.constrains("quarter_month", "day_from", "day_to", "company_id", "active")
    def _check_overlap(self):
        stages = self.search([("company_id", "in", self.company_id.ids)])
        for stage in self.filtered("active"):
            for other in stages - stage:
                if (
                    other.company_id == stage.company_id
                    and other.quarter_month == stage.quarter_month
                    and other.day_from <= stage.day_to
                    and stage.day_from <= other.day_to
                ):
                    raise ValidationError(
                        self.env._(
                            "Dunning stages %(stage)s and %(other)s overlap: a day of the quarter "
                            "belongs to one stage at most.",
                            stage=stage.name,
                            other=other.name,
                        )
                    )

    def _month_window(self, month):
        """First and last day of this stage in the month starting on ``month``."""
        last = monthrange(month.year, month.month)[1]
        return (
            date(month.year, month.month, min(self.day_from, last)),
            date(month.year, month.month, min(self.day_to, last)),
        )

    def _window(self, day):
        """First and last day of this stage in the period of ``day``: its month for a monthly
        stage, else the stage's month of ``day``'s quarter."""
        self.ensure_one()
        if self.quarter_month == "every":
            return self._month_window(month_start(day))
        month = day.month - (day.month - 1) % 3 + int(self.quarter_month) - 1
        return self._month_window(date(day.year, month, 1))

    def _windows(self, quarter):
        """The windows of this stage in the quarter starting on ``quarter`` (three for a
        monthly stage)."""
        self.ensure_one()
        if self.quarter_month != "every":
            return [self._window(quarter)]
        return [self._month_window(quarter + relativedelta(months=i)) for i in range(3)]

    @api.model
    def _stages_due(self, day, companies):
        """{company: stage} of the stage whose window contains ``day``, per company."""
        stages = self.search(
            [
                ("company_id", "in", companies.ids),
                ("quarter_month", "in", [str((day.month - 1) % 3 + 1), "every"]),
                ("day_from", "<=", day.day),
                ("day_to", ">=", day.day),
            ]
        )
        # A stage of this month of the quarter wins over a monthly one on the same days.
        return {
            stage.company_id: stage for stage in stages.sorted(lambda s: s.quarter_month != "every")
        }
