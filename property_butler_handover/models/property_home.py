from odoo import api, models


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        if role in ("front_desk", "supervisor", "manager"):
            cards += [
                (
                    120,
                    self._card(
                        "handovers_today",
                        self.env._("Today's handovers"),
                        "property.handover.log",
                        [
                            ("kind", "=", "front_desk"),
                            "|",
                            ("date", ">=", scope["day_start"]),
                            ("state", "!=", "acknowledged"),
                        ],
                        self.env._("Front-desk shift handovers of today, or not acknowledged yet"),
                        icon="fa-exchange",
                    ),
                ),
                (
                    130,
                    self._card(
                        "handover_items",
                        self.env._("Open handover items"),
                        "property.handover.item",
                        [("state", "=", "open"), ("kind", "=", "front_desk")],
                        self.env._("Matters handed over by the previous shift, still open"),
                        icon="fa-list-ul",
                    ),
                ),
            ]
        return cards
