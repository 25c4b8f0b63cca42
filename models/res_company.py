from odoo import fields, models


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
