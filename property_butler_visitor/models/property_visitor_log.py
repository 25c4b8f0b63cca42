from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyVisitorLog(models.Model):
    """One visit through the gate (外來人員出入登記表 line): entry and exit times."""

    _name = "property.visitor.log"
    _description = "Visitor Entry and Exit"
    _inherit = ["property.company.mixin"]
    _order = "entry_time desc, id desc"
    _check_company_auto = True

    pass_id = fields.Many2one(
        "property.visitor.pass",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    name = fields.Char(related="pass_id.name", string="Visitor")
    project_id = fields.Many2one(
        related="pass_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="pass_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(related="pass_id.unit_id")
    vehicle_plate = fields.Char()
    entry_time = fields.Datetime(required=True, default=fields.Datetime.now)
    entry_user_id = fields.Many2one("res.users", string="Entry Recorded By")
    exit_time = fields.Datetime()
    exit_user_id = fields.Many2one("res.users", string="Exit Recorded By")
    has_vehicle = fields.Boolean(compute="_compute_has_vehicle", store=True)

    @api.depends("vehicle_plate")
    def _compute_has_vehicle(self):
        for log in self:
            log.has_vehicle = bool(log.vehicle_plate)

    @api.constrains("entry_time", "exit_time")
    def _check_times(self):
        for log in self:
            if log.entry_time and log.exit_time and log.exit_time < log.entry_time:
                raise ValidationError(self.env._("The exit cannot be before the entry."))
