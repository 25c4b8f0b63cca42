from odoo import fields, models

TICKET_KINDS = [
    ("complaint", "Complaint"),
    ("repair", "Repair"),
    ("inquiry", "Inquiry"),
    ("service", "Paid Service"),
    ("suggestion", "Suggestion / Praise"),
    ("finding", "Patrol / Inspection Finding"),
]


class PropertyTicketType(models.Model):
    """Ticket types: complaint (投訴), repair (報修), inquiry (咨詢), paid service (特約服務)..."""

    _name = "property.ticket.type"
    _description = "Ticket Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(TICKET_KINDS, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    stage_ids = fields.Many2many(
        "property.ticket.stage",
        "property_ticket_stage_type_rel",
        "type_id",
        "stage_id",
        string="Stages",
        help="The stages tickets of this type go through (kanban columns).",
    )
    sla_ids = fields.One2many("property.ticket.sla", "ticket_type_id", string="Targets")
    department_id = fields.Many2one(
        "property.department",
        string="Default Department",
        help="Department that receives tickets of this type unless another is chosen.",
    )
    callback_delay_days = fields.Integer(
        string="Callback After (days)",
        default=1,
        help="Days after completion when the butler calls the resident back.",
    )
    needs_callback = fields.Boolean(
        string="Callback",
        default=True,
        help="Schedule a callback (回訪) for the grid's butler when a ticket of this type is done.",
    )
    color = fields.Integer()

    _sql_constraints = [
        (
            "callback_delay_positive",
            "CHECK(callback_delay_days >= 0)",
            "The callback delay cannot be negative.",
        ),
    ]
