from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _property_home_actions(self):
        """Patrol guards land on their rounds."""
        actions = super()._property_home_actions()
        actions["patrol_guard"] = "property_butler_patrol.property_patrol_round_action_mine"
        return actions

    def _property_not_guards(self):
        """Those of these users who are not patrol guards: only guards patrol, whether on a
        patrol plan or on a decoration permit's checks."""
        group = self.env.ref("property_butler.property_butler_group_patrol_guard")
        return self.filtered(lambda user: group not in user.groups_id)
