from odoo import api, models


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        if role in ("butler", "supervisor", "manager"):
            cards.append(
                (
                    60,
                    self._card(
                        "decoration_permits",
                        self.env._("Decoration permits"),
                        "property.decoration.permit",
                        (scope["unit_grid"] if role == "butler" else [])
                        + [("state", "in", ("approved", "active"))],
                        self.env._("Decorations approved or in progress to watch"),
                        icon="fa-paint-brush",
                    ),
                )
            )
        return cards
