from odoo import api, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _property_scope_extend(self, domain, bank):
        """Department staff (not supervisors) read the contacts of the residents of the
        tickets they can read, without their bank accounts."""
        domain = super()._property_scope_extend(domain, bank)
        group = "property_butler.property_butler_group_"
        user = self.env.user
        if (
            not bank
            and user.has_group(group + "department_staff")
            and not user.has_group(group + "supervisor")
        ):
            Ticket = self.env(su=False)["property.ticket"]
            partner_ids = [
                partner.id
                for [partner] in Ticket._read_group([("partner_id", "!=", False)], ["partner_id"])
            ]
            domain = expression.OR([domain, [("id", "in", partner_ids)]])
        return domain
