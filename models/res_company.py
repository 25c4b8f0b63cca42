from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    property_grid_restricted = fields.Boolean(
        string="Butlers See Only Their Own Grid",
        help="When set, a butler can read units, occupancies and residents' contact details "
        "only within the grids they own or back up. Supervisors and managers see the whole company.",
    )
    property_billing_day = fields.Integer(
        string="Billing Day",
        default=28,
        help="From this day of the month, the next month's fee invoices are prepared.",
    )
    property_fee_due_day = fields.Integer(
        string="Fees Due Day",
        default=14,
        help="Day of the billed month by which its fees are due: the first dunning call "
        "(3rd week after the statement, 15th-21st) is for those unpaid by then.",
    )
    property_late_fee_rate = fields.Float(
        string="Late Fee per Day (%)",
        digits=(16, 4),
        default=0.03,
        help="Late fee per day of delay, in percent of the overdue residual (0.03 = 万分之三).",
    )
    property_late_fee_cap = fields.Float(
        string="Late Fee Cap (%)",
        digits=(16, 2),
        help="At most this percentage of the overdue residual per invoice; 0: no cap.",
    )
    property_collection_target = fields.Float(string="Collection Rate Target (%)", default=95.0)

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # Each company numbers its tickets with its own sequence, ready before the first one.
        self.env["property.ticket"]._create_sequences(companies)
        return companies

    @api.constrains("property_billing_day", "property_fee_due_day")
    def _check_property_fee_days(self):
        for company in self:
            if not 0 <= company.property_billing_day <= 31:
                raise ValidationError(
                    self.env._(
                        "The billing day must be a day of the month, from 1 to 31 "
                        "(0: no scheduled billing run)."
                    )
                )
            if not 1 <= company.property_fee_due_day <= 28:
                raise ValidationError(
                    self.env._("The fees due day must be from the 1st to the 28th of the month.")
                )
