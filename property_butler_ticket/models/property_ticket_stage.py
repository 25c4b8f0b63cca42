from odoo import fields, models

STAGE_CATEGORIES = [
    ("new", "New"),
    ("progress", "In Progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class PropertyTicketStage(models.Model):
    _name = "property.ticket.stage"
    _description = "Ticket Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        STAGE_CATEGORIES,
        required=True,
        default="progress",
        help="Done and Cancelled stages close the ticket; reaching a Done stage schedules the "
        "callback.",
    )
    fold = fields.Boolean(string="Folded in Kanban")
    ticket_type_ids = fields.Many2many(
        "property.ticket.type",
        "property_ticket_stage_type_rel",
        "stage_id",
        "type_id",
        string="Ticket Types",
        help="Ticket types that use this stage.",
    )
    description = fields.Text(translate=True)
