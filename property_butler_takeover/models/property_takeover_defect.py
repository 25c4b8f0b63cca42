from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_takeover_checklist_item import AREAS


class PropertyTakeoverDefect(models.Model):
    """An engineering item left over or to be completed (工程遺留和需完善的項目), followed up
    with the party responsible until it is closed."""

    _name = "property.takeover.defect"
    _description = "Takeover Defect"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state_sequence, date_deadline, id"
    _check_company_auto = True

    name = fields.Char(string="Defect", required=True, tracking=True)
    takeover_id = fields.Many2one(
        "property.takeover",
        string="Inspection",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    building_id = fields.Many2one(related="takeover_id.building_id", store=True, index=True)
    project_id = fields.Many2one(related="takeover_id.project_id", store=True, index=True)
    company_id = fields.Many2one(
        related="takeover_id.company_id", store=True, index=True, precompute=True
    )
    line_id = fields.Many2one(
        "property.takeover.line",
        string="Checklist Item",
        index=True,
        ondelete="set null",
        domain="[('takeover_id', '=', takeover_id)]",
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        domain="[('building_id', '=', building_id)]",
        help="Empty for a defect of the building's common parts.",
    )
    area = fields.Selection(AREAS, required=True, default="structure")
    location = fields.Char(help="Where exactly, e.g. kitchen, 3rd floor lobby.")
    description = fields.Text()
    photo = fields.Image(max_width=1920, max_height=1920)
    responsible_partner_id = fields.Many2one(
        "res.partner",
        string="Party Responsible",
        required=True,
        check_company=True,
        tracking=True,
        help="The developer or the contractor who must rectify it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Followed Up By",
        domain="[('share', '=', False)]",
        tracking=True,
        help="Staff member who follows the rectification up; gets an activity due on the deadline.",
    )
    date_deadline = fields.Date(string="Rectify By", required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("rectified", "Rectified"), ("closed", "Closed")],
        string="Status",
        default="open",
        required=True,
        tracking=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_rectified = fields.Date(string="Rectified On", copy=False, tracking=True)
    date_closed = fields.Date(string="Closed On", copy=False, tracking=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    follow_up_note = fields.Text(string="Follow-up")

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"open": 1, "rectified": 2, "closed": 3}
        for defect in self:
            defect.state_sequence = order.get(defect.state, 9)

    @api.depends("state", "date_deadline")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for defect in self:
            defect.is_overdue = bool(
                defect.state != "closed" and defect.date_deadline and defect.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on overdue defects."))
        today = fields.Date.context_today(self)
        domain = [("state", "!=", "closed"), ("date_deadline", "<", today)]
        if (operator == "=") != bool(value):
            domain = ["!", "&", *domain]
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("state", "open") != "open" for vals in vals_list):
            raise UserError(self.env._("A defect is created open: use the buttons to go on."))
        defects = super().create(vals_list)
        defects._schedule_follow_up()
        defects.line_id.filtered(lambda line: not line.result).result = "defect"
        return defects

    def write(self, vals):
        if not self.env.su and "state" in vals:
            raise UserError(self.env._("The status of a defect changes with its buttons only."))
        res = super().write(vals)
        if "user_id" in vals or "date_deadline" in vals:
            self.filtered(lambda d: d.state == "open")._schedule_follow_up()
        return res

    def _follow_up_activity_type(self):
        return self.env.ref("property_butler_takeover.mail_activity_data_takeover_defect")

    def _schedule_follow_up(self):
        """One follow-up activity per open defect, for the staff member following it up, due
        on the rectification deadline."""
        activity_type = self._follow_up_activity_type()
        self.activity_unlink(["property_butler_takeover.mail_activity_data_takeover_defect"])
        for defect in self.filtered("user_id"):
            defect.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=defect.date_deadline,
                user_id=defect.user_id.id,
                summary=self.env._(
                    "Follow up the rectification by %s", defect.responsible_partner_id.name
                ),
            )

    def _done_follow_up(self):
        self.activity_feedback(["property_butler_takeover.mail_activity_data_takeover_defect"])

    def action_rectified(self):
        if self.filtered(lambda d: d.state != "open"):
            raise UserError(self.env._("Only open defects can be marked rectified."))
        self.check_access("write")
        self.sudo().write({"state": "rectified", "date_rectified": fields.Date.context_today(self)})

    def action_close(self):
        if self.filtered(lambda d: d.state != "rectified"):
            raise UserError(
                self.env._(
                    "A defect is closed once its rectification was checked: mark it rectified first."
                )
            )
        self.check_access("write")
        self.sudo().write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        self._done_follow_up()

    def action_reopen(self):
        """The rectification was not accepted: the defect is open again, followed up again."""
        self.check_access("write")
        self.sudo().write({"state": "open", "date_rectified": False, "date_closed": False})
        self._schedule_follow_up()
