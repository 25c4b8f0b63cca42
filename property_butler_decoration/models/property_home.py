from odoo import api, models

from odoo.addons.property_butler.models.property_home import GRID_ROLES


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        return super()._card_specs(scope) + [
            {
                "sequence": 60,
                "key": "decoration_permits",
                "roles": GRID_ROLES,
                "title": self.env._("Decoration permits"),
                "help": self.env._("Decorations approved or in progress to watch"),
                "icon": "fa-paint-brush",
                "model": "property.decoration.permit",
                "mine": scope["unit_grid"],
                "domain": [("state", "in", ("approved", "active"))],
            }
        ]
