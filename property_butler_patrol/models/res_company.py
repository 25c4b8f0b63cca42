from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    property_morning_check_grace = fields.Integer(
        string="Morning Check Grace (minutes)",
        default=0,
        help="A butler's morning check done more than this many minutes after 9:30 is late.",
    )

    _sql_constraints = [
        (
            "property_morning_check_grace_positive",
            "CHECK(property_morning_check_grace >= 0)",
            "The grace of the morning check cannot be negative.",
        ),
    ]
