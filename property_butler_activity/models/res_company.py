from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    property_activities_per_year = fields.Integer(
        string="Community Activities per Project and Year",
        default=2,
        help="Each project holds at least this many community activities a year "
        "(S1: 聯誼每年至少2次).",
    )

    @api.constrains("property_activities_per_year")
    def _check_property_activities_per_year(self):
        if any(company.property_activities_per_year < 0 for company in self):
            raise ValidationError(self.env._("The yearly activity target cannot be negative."))
