from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

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
