from datetime import timedelta

from odoo import api, models

from odoo.addons.property_butler.models.property_home import GRID_ROLES


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        mine = [("user_id", "=", scope["uid"])]
        return super()._card_specs(scope) + [
            {
                "sequence": 35,
                "key": "visit_follow_ups",
                "roles": GRID_ROLES,
                "title": self.env._("Visit follow-ups"),
                "help": self.env._(
                    "Visits with a question still open: report back to the resident, or "
                    "wait for the ticket"
                ),
                "icon": "fa-reply",
                "model": "property.visit",
                "mine": mine,
                "domain": [("state", "=", "follow_up")],
            },
            {
                "sequence": 36,
                "key": "visits_month",
                "roles": GRID_ROLES,
                "title": self.env._("Visits this month"),
                "help": self.env._("Customer visits logged since the 1st: log a new one here"),
                "icon": "fa-handshake-o",
                "model": "property.visit",
                "mine": mine,
                "domain": [("date", ">=", self._local_month_start(scope))],
            },
        ]

    @api.model
    def _local_month_start(self, scope):
        """The 1st of this month, 00:00 in the user's time zone, as a naive UTC datetime (today's
        local midnight, so many days back)."""
        return scope["day_start"] - timedelta(days=scope["today"].day - 1)
