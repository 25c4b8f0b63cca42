from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

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
