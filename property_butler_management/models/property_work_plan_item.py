from odoo import api, fields, models
from odoo.exceptions import UserError

ITEM_STATES = [
    ("todo", "To Do"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("dropped", "Dropped"),
]
# What the person reports on an approved plan; the rest is what the superior approved.
PROGRESS_FIELDS = {"state", "progress", "result"}


class PropertyWorkPlanItem(models.Model):
    """An item of a work plan: what is to be done, its target, deadline and who is responsible,
    then its status, progress and result as the period goes."""

    _name = "property.work.plan.item"
    _description = "Work Plan Item"
    _order = "plan_id, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "property.work.plan", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="What", required=True)
    target = fields.Char(help="How the result is measured, e.g. 'every household of the grid'.")
    date_deadline = fields.Date(string="Deadline")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    state = fields.Selection(ITEM_STATES, string="Status", required=True, default="todo")
    progress = fields.Float(
        string="Done (%)",
        compute="_compute_progress",
        store=True,
        readonly=False,
        precompute=True,
        aggregator="avg",
    )
    result = fields.Char(help="What was done, or why not.")

    _sql_constraints = [
        (
            "progress_range",
            "CHECK(progress >= 0 AND progress <= 100)",
            "An item's progress is between 0 and 100 %.",
        ),
    ]

    @api.depends("state")
    def _compute_progress(self):
        for item in self:
            if item.state == "done":
                item.progress = 100.0
            elif item.state == "todo":
                item.progress = 0.0
            else:
                item.progress = item.progress or 0.0

    def _check_plan_open(self, fields_written=None):
        """Items are planned while the plan is a draft; once it is approved only their status,
        progress and result change; a submitted or summarised plan is fixed."""
        if self.env.su:
            return
        for item in self:
            state = item.plan_id.state
            if state == "draft":
                continue
            if state == "approved" and fields_written and set(fields_written) <= PROGRESS_FIELDS:
                continue
            raise UserError(
                self.env._(
                    "%(plan)s is no longer a draft: only the status, progress and result of "
                    "its items change, once it is approved.",
                    plan=item.plan_id.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._check_plan_open()
        return items

    def write(self, vals):
        self._check_plan_open(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        self._check_plan_open()
