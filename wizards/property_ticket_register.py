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
