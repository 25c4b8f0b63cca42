from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        fee_moves = self.filtered("property_period")
        if fee_moves:
            # Paying in full leaves dunning at once.
            self.env["property.dunning.case"]._close_paid(fee_moves)
        return res
