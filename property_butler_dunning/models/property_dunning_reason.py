from odoo import fields, models

REASON_CATEGORIES = [
    ("not_received", "Statement Not Received"),
    ("forgot", "Forgot / No Time"),
    ("financial", "Financial Difficulty"),
    ("service_problem", "Service Problem"),
    ("dispute", "Disputes the Amount"),
    ("absent", "Owner Absent / Unreachable"),
    ("malicious", "Refuses To Pay"),
    ("other", "Other"),
]


class PropertyDunningReason(models.Model):
    """Why a unit does not pay. A service problem opens a work order (開單) of the reason's
    ticket type for the department responsible."""

    _name = "property.dunning.reason"
    _description = "Dunning Reason"
    _inherit = ["property.company.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(REASON_CATEGORIES, required=True, default="other")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "property.department",
        check_company=True,
        help="For service problems: the department that receives the work order.",
    )
    ticket_type_id = fields.Many2one(
        "property.ticket.type",
        string="Work Order Type",
        default=lambda self: self.env.ref(
            "property_butler_ticket.property_ticket_type_repair", raise_if_not_found=False
        ),
        help="For service problems: the kind of ticket the problem calls for (usually a repair).",
    )
