from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    property_visits_per_household = fields.Integer(
        string="Visits per Household and Year",
        default=1,
        help="The yearly visit plan of each grid: every household is visited at least this "
        "many times a year (S0: 定期拜訪).",
    )
    property_visits_per_key_customer = fields.Integer(
        string="Visits per Key Customer and Year",
        default=4,
        help="Key customers are visited more often: at least this many times a year.",
    )

    @api.constrains("property_visits_per_household", "property_visits_per_key_customer")
    def _check_property_visit_targets(self):
        for company in self:
            if (
                company.property_visits_per_household < 1
                or company.property_visits_per_key_customer < company.property_visits_per_household
            ):
                raise ValidationError(
                    self.env._(
                        "Every household is visited at least once a year, and key customers "
                        "at least as often as the others."
                    )
                )
