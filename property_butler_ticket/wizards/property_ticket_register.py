from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class PropertyTicketRegister(models.TransientModel):
    """Print the monthly ticket register of a cluster."""

    _name = "property.ticket.register"
    _description = "Monthly Ticket Register"

    cluster_id = fields.Many2one("property.cluster", required=True)
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to print.",
    )
    date_from = fields.Date(compute="_compute_period")
    date_to = fields.Date(compute="_compute_period")

    @api.depends("month")
    def _compute_period(self):
        for wizard in self:
            start = (wizard.month or fields.Date.context_today(wizard)).replace(day=1)
            wizard.date_from = start
            wizard.date_to = start + relativedelta(months=1, days=-1)

    def _get_period_utc(self):
        """The month as naive UTC datetimes [start, end), midnight to midnight in the user's
        time zone, to compare with ``date_received``."""
        self.ensure_one()
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        start, end = self.date_from, self.date_to + relativedelta(days=1)
        return tuple(
            tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            for day in (start, end)
        )

    def _get_tickets(self):
        """Every ticket of the cluster received within the month, oldest first, in one search.

        The month is that of ``date_received`` (when the resident raised the request), which is
        the creation time unless the ticket was entered afterwards, e.g. from a paper form."""
        self.ensure_one()
        start, end = self._get_period_utc()
        return self.env["property.ticket"].search(
            [
                ("cluster_id", "=", self.cluster_id.id),
                ("date_received", ">=", start),
                ("date_received", "<", end),
            ],
            order="date_received, id",
        )

    @api.model
    def _get_type_totals(self, tickets):
        """Per ticket type: count, completed, cancelled and average satisfaction of the
        tickets that have one (a ticket without a recorded callback has none)."""
        totals = {}
        for ticket in tickets:
            line = totals.setdefault(
                ticket.ticket_type_id,
                {"type": ticket.ticket_type_id, "count": 0, "done": 0, "cancel": 0, "scores": []},
            )
            line["count"] += 1
            if ticket.stage_category in ("done", "cancel"):
                line[ticket.stage_category] += 1
            if ticket.callback_state == "done":
                line["scores"].append(ticket.satisfaction)
        lines = sorted(totals.values(), key=lambda line: (line["type"].sequence, line["type"].id))
        for line in lines:
            scores = line.pop("scores")
            line["scored"] = len(scores)
            line["satisfaction"] = sum(scores) / len(scores) if scores else False
        return lines

    @api.model
    def _get_average_satisfaction(self, tickets):
        """Average satisfaction (%) of the tickets that have one, False when none has."""
        scores = tickets.filtered(lambda t: t.callback_state == "done").mapped("satisfaction")
        return sum(scores) / len(scores) if scores else False

    def action_print(self):
        self.ensure_one()
        return self.env.ref("property_butler_ticket.property_ticket_register_report").report_action(
            self
        )
