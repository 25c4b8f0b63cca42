from odoo import fields, models

CATEGORIES = [
    ("staff", "Staff on Duty and Appearance"),
    ("security", "Security Hazards and Visitor, Vehicle and Goods Logs"),
    ("cleaning", "Cleaning"),
    ("greening", "Greening"),
    ("engineering", "Engineering and Repairs"),
    ("decoration", "Decoration"),
    ("facilities", "Public Facilities"),
    ("night_events", "Night Events to Follow Up"),
    ("vacant_unit", "Vacant Unit"),
    ("in_home", "In-Home Service"),
    ("lobby", "Lobby Order and Reception"),
]


class PropertyInspectionTemplateItem(models.Model):
    _name = "property.inspection.template.item"
    _description = "Inspection Template Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "property.inspection.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    category = fields.Selection(CATEGORIES, required=True)
    name = fields.Char(required=True, translate=True)
    department_id = fields.Many2one(
        "property.department", help="Department that receives the finding when this item fails."
    )
