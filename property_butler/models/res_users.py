from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    property_grid_ids = fields.One2many(
        "property.grid",
        "butler_id",
        string="Butler Grids",
    )

    # ------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------
    def _property_own_roles(self):
        """The property roles this user was given, not those they only hold because a higher
        role implies them: a manager's roles imply the supervisor's and the butler's, yet the
        manager owes neither a supervisor's rounds nor a butler's (duties are per own role)."""
        self.ensure_one()
        category = self.env.ref("property_butler.property_butler_module_category")
        groups = self.groups_id.filtered(lambda group: group.category_id == category)
        return groups - groups.trans_implied_ids

    # ------------------------------------------------------------------
    # Home action: each role lands on its own work after login
    # ------------------------------------------------------------------
    @api.model
    def _property_home_actions(self):
        """The xml id of the action each role lands on (the patrol addon sends guards to their
        rounds)."""
        home = "property_butler.property_home_action"
        return {role: home for role in self.env["property.home"]._roles()}

    def _property_home_action(self):
        """The action a user of the product lands on: his role's (every role lands on its home
        page, 工作台, unless an addon says otherwise); none outside the product."""
        self.ensure_one()
        role = self.env["property.home"]._role(self)
        if not role:
            return self.env["ir.actions.actions"]
        return self.env.ref(self._property_home_actions()[role])

    def _property_set_home_action(self):
        """Give the product's users the home action of their role, unless they (or an admin)
        chose another home action than ours."""
        ours = {self.env.ref(xmlid).id for xmlid in set(self._property_home_actions().values())}
        ours.add(self.env.ref("property_butler.property_home_action").id)
        for user in self.filtered(lambda u: not u.share):
            if user.action_id and user.action_id.id not in ours:
                continue
            action = user._property_home_action()
            if user.action_id.id != action.id:
                user.action_id = action.id

    @api.model
    def _property_reset_home_actions(self):
        """Called when an addon changing the home of a role is installed: the internal users
        land on their role's home again (unless they chose another home action)."""
        self.search([("share", "=", False)])._property_set_home_action()

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._property_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._property_set_home_action()
        return res
