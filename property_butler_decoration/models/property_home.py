from odoo import api, models


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        if role in ("butler", "supervisor", "manager"):
            _t = self.env._
            cards.append(
                (
                    60,
                    self._card(
                        "decoration_permits",
                        _t("Decoration permits"),
                        "property.decoration.permit",
                        (scope["unit_grid"] if role == "butler" else [])
                        + [("state", "in", ("approved", "active"))],
                        _t("Decorations approved or in progress to watch"),
                        icon="fa-paint-brush",
                    ),
                )
            )
        return cards
