from odoo import api, fields, models
from odoo.exceptions import UserError

SEVERITIES = [
    ("minor", "Minor"),
    ("serious", "Serious"),
    ("major", "Major"),
]
INCIDENT_KINDS = [
    ("fire", "Fire"),
    ("flood", "Flooding or Burst Pipe"),
    ("power", "Power or Water Cut"),
    ("lift", "People Trapped in a Lift"),
    ("injury", "Injury or Illness"),
    ("security", "Theft, Intrusion or Fight"),
    ("weather", "Storm or Natural Disaster"),
    ("other", "Other"),
]
INCIDENT_STATES = [
    ("open", "Being Handled"),
    ("reported", "Reported to the Company"),
    ("closed", "Closed"),
]


class PropertyIncident(models.Model):
    """An emergency incident (突發事件, S1 4.2.8): what happened, where, the people affected,
    what was done on site, the follow-up and the report to the company. A major incident of
    safety counts against the target "no major safety incident" (S1 1.2)."""

    _name = "property.incident"
    _description = "Emergency Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    reference = fields.Char(readonly=True, copy=False, default="/")
    name = fields.Char(string="What Happened", required=True, tracking=True)
    kind = fields.Selection(INCIDENT_KINDS, required=True, default="other", tracking=True)
    severity = fields.Selection(SEVERITIES, required=True, default="minor", tracking=True)
    is_safety = fields.Boolean(
        string="Safety Incident",
        tracking=True,
        help="People's safety was at stake (fire, injury, people trapped...).",
    )
    is_major_safety = fields.Boolean(
        string="Major Safety Incident",
        compute="_compute_is_major_safety",
        store=True,
        help="A major incident of safety: counts against the target of none a year.",
    )
    date = fields.Datetime(
        string="Happened On", required=True, default=fields.Datetime.now, tracking=True
    )
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
    unit_id = fields.Many2one(
        "property.unit",
        index="btree_not_null",
        check_company=True,
        domain="[('project_id', '=?', project_id)]",
    )
    location = fields.Char(help="Where exactly: building, floor, public area.")
    user_id = fields.Many2one(
        "res.users",
        string="Reported By",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    people_affected = fields.Integer(help="How many people were affected.")
    people_injured = fields.Integer()
    description = fields.Text(string="Account")
    actions = fields.Text(string="Actions on Site", help="What the staff did on site, and when.")
    follow_up = fields.Text(string="Follow-up", help="What remains to be done, by whom.")
    date_reported = fields.Datetime(string="Reported On", readonly=True, copy=False)
    state = fields.Selection(
        INCIDENT_STATES, required=True, default="open", readonly=True, tracking=True, copy=False
    )

    _sql_constraints = [
        (
            "people_positive",
            "CHECK(people_affected >= 0 AND people_injured >= 0)",
            "The numbers of people cannot be negative.",
        ),
    ]

    def write(self, vals):
        if (
            {"state", "date_reported"} & set(vals)
            and not self.env.su
            and not self.env.context.get("property_incident_workflow")
        ):
            raise UserError(self.env._("An incident is reported and closed through its buttons."))
        return super().write(vals)

    @api.depends("severity", "is_safety")
    def _compute_is_major_safety(self):
        for incident in self:
            incident.is_major_safety = incident.is_safety and incident.severity == "major"

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        if self.unit_id:
            self.project_id = self.unit_id.project_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code("property.incident")
        return super().create(vals_list)

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for incident in self:
            incident.display_name = " ".join(filter(None, [incident.reference, incident.name]))

    def action_report(self):
        """Report the incident to the company: the actions taken on site must be written."""
        for incident in self:
            if incident.state != "open":
                raise UserError(self.env._("%s has already been reported.", incident.display_name))
            if not (incident.actions or "").strip():
                raise UserError(
                    self.env._(
                        "Write what was done on site for %s before reporting it.",
                        incident.display_name,
                    )
                )
        self.with_context(property_incident_workflow=True).write(
            {"state": "reported", "date_reported": fields.Datetime.now()}
        )
        return True

    def action_close(self):
        if self.filtered(lambda incident: incident.state != "reported"):
            raise UserError(self.env._("Report an incident to the company before closing it."))
        self.with_context(property_incident_workflow=True).write({"state": "closed"})
        return True
