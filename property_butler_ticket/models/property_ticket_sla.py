from odoo import fields, models

PRIORITIES = [
    ("0", "Normal"),
    ("1", "Urgent"),
    ("2", "Emergency"),
]


class PropertyTicketSla(models.Model):
    """Response and resolution targets per ticket type and priority."""

    _name = "property.ticket.sla"
    _description = "Ticket Target"
    _order = "ticket_type_id, priority"

    ticket_type_id = fields.Many2one(
        "property.ticket.type", required=True, ondelete="cascade", index=True
    )
    priority = fields.Selection(PRIORITIES, required=True, default="0")
    response_minutes = fields.Integer(
        string="Response Within (minutes)",
        required=True,
        help="Time allowed to contact the resident or be on site.",
    )
    resolution_hours = fields.Float(
        string="Resolution Within (hours)",
        required=True,
        help="Time allowed to complete the ticket.",
    )

    _sql_constraints = [
        (
            "type_priority_uniq",
            "unique(ticket_type_id, priority)",
            "There is already a target for this ticket type and priority.",
        ),
        (
            "targets_positive",
            "CHECK(response_minutes > 0 AND resolution_hours > 0)",
            "Response and resolution targets must be positive.",
        ),
    ]
