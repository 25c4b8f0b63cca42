from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    property_newspaper_deadline = fields.Float(
        string="Newspaper Sorting Deadline",
        default=8.5,
        help="Local time of day (hours, 8.5 = 08:30) by which the day's newspapers must be "
        "sorted at the front desk; a later sorting is flagged late.",
    )
