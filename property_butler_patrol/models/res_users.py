from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _property_home_actions(self):
        """Patrol guards land on their rounds."""
        actions = super()._property_home_actions()
        actions["patrol_guard"] = "property_butler_patrol.property_patrol_round_action_mine"
        return actions
