from odoo import api, models

from odoo.addons.property_butler.models.property_home import FRONT_DESK_ROLES


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        return super()._card_specs(scope) + [
            {
                "sequence": 120,
                "key": "handovers_today",
                "roles": FRONT_DESK_ROLES,
                "title": self.env._("Today's handovers"),
                "help": self.env._("Front-desk shift handovers of today, or not acknowledged yet"),
                "icon": "fa-exchange",
                "model": "property.handover.log",
                "domain": [
                    ("kind", "=", "front_desk"),
                    "|",
                    ("date", ">=", scope["day_start"]),
                    ("state", "!=", "acknowledged"),
                ],
            },
            {
                "sequence": 130,
                "key": "handover_items",
                "roles": FRONT_DESK_ROLES,
                "title": self.env._("Open handover items"),
                "help": self.env._("Matters handed over by the previous shift, still open"),
                "icon": "fa-list-ul",
                "model": "property.handover.item",
                "domain": [("state", "=", "open"), ("kind", "=", "front_desk")],
            },
        ]
