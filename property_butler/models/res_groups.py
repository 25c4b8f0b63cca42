from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def _property_duty_holders(self, domain=None):
        """{role: the internal users whose own role it is} for these property roles, in one
        search: duties go by the role a user was given, not by the roles it implies (see
        res.users._property_own_roles). ``domain`` narrows the users (e.g. a company)."""
        users = self.env["res.users"].search(
            [("groups_id", "in", self.ids), ("share", "=", False), *(domain or [])]
        )
        own = {user: user._property_own_roles() for user in users}
        return {group: users.filtered(lambda u, g=group: g in own[u]) for group in self}
