from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyPatrolShift(models.Model):
    """A guard shift, e.g. day 08:00–20:00 and night 20:00–08:00 (local time)."""

    _name = "property.patrol.shift"
    _description = "Patrol Shift"
    _inherit = ["property.company.mixin"]
    _order = "hour_from"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    hour_from = fields.Float(string="Starts At", required=True, help="Local time, e.g. 20.0")
    hour_to = fields.Float(
        string="Ends At", required=True, help="Local time; before the start for a night shift."
    )
    duration = fields.Float(compute="_compute_duration", string="Hours")

    @api.depends("hour_from", "hour_to")
    def _compute_duration(self):
        for shift in self:
            shift.duration = (shift.hour_to - shift.hour_from) % 24 or 24

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for shift in self:
            if not (0 <= shift.hour_from < 24 and 0 <= shift.hour_to < 24):
                raise ValidationError(
                    self.env._("Shift hours go from 00:00 to 23:59 (shift %s).", shift.name)
                )
