from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # The quality targets of seed 001, 1.2: satisfaction and major complaints.
    property_satisfaction_target = fields.Float(
        string="Satisfaction Target (%)",
        default=90.0,
        help="The yearly satisfaction rate to reach: the share of callback answers scored 4 or 5.",
    )
    property_satisfaction_item_target = fields.Float(
        string="Lowest Item Target (%)",
        default=85.0,
        help="No item (attitude, quality, timeliness, etiquette) may fall below this rate.",
    )
    property_major_complaint_target = fields.Integer(
        string="Major Complaints a Year (at most)", default=1
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # Each company numbers its tickets with its own sequence, ready before the first one.
        self.env["property.ticket"]._create_sequences(companies)
        return companies
