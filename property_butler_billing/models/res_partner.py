from odoo import api, models

# The property roles, each with its own scope of residents (res.partner._property_scope).
PROPERTY_ROLES = tuple(
    f"property_butler.property_butler_group_{role}"
    for role in ("front_desk", "patrol_guard", "department_staff")
)


def _holds_property_role(user):
    return any(user.has_group(group) for group in PROPERTY_ROLES)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _property_scope_unrestricted(self):
        """Finance (invoicing) reads every customer. A property role's scope wins over the
        accounting groups: Odoo gives every existing internal user the accounting groups of
        its default user when accounting is installed after them, and a guard or the front
        desk does not read every resident because of it."""
        user = self.env.user
        return super()._property_scope_unrestricted() or (
            user.has_group("account.group_account_invoice") and not _holds_property_role(user)
        )
