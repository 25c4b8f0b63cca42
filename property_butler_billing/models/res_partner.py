from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _property_scope_unrestricted(self):
        """Finance (invoicing) reads every customer."""
        return super()._property_scope_unrestricted() or self.env.user.has_group(
            "account.group_account_invoice"
        )
