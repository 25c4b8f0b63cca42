from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # Each company numbers its tickets with its own sequence, ready before the first one.
        self.env["property.ticket"]._create_sequences(companies)
        return companies
