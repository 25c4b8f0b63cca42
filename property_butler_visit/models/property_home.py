from datetime import timedelta

from odoo import api, models

STAFF = ("butler", "supervisor", "manager")


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        if role not in STAFF:
            return cards
        mine = [("user_id", "=", scope["uid"])] if role == "butler" else []
        month_start = self._local_month_start(scope)
        cards += [
            (
                35,
                self._card(
                    "visit_follow_ups",
                    self.env._("Visit follow-ups"),
                    "property.visit",
                    mine + [("state", "=", "follow_up")],
                    self.env._(
                        "Visits with a question still open: report back to the resident, or "
                        "wait for the ticket"
                    ),
                    icon="fa-reply",
                ),
            ),
            (
                36,
                self._card(
                    "visits_month",
                    self.env._("Visits this month"),
                    "property.visit",
                    mine + [("date", ">=", month_start)],
                    self.env._("Customer visits logged since the 1st: log a new one here"),
                    icon="fa-handshake-o",
                ),
            ),
        ]
        return cards

    @api.model
    def _local_month_start(self, scope):
        """The 1st of this month, 00:00 in the user's time zone, as a naive UTC datetime (today's
        local midnight, so many days back)."""
        return scope["day_start"] - timedelta(days=scope["today"].day - 1)
