from odoo import fields, models

AREAS = [
    ("structure", "Structure"),
    ("doors_windows", "Doors and Windows"),
    ("water", "Water"),
    ("power", "Power"),
    ("gas", "Gas"),
    ("fire", "Fire Equipment"),
    ("public", "Public Areas"),
]


class PropertyTakeoverChecklistItem(models.Model):
    """An item of the takeover checklist template, checked per building or per unit."""

    _name = "property.takeover.checklist.item"
    _description = "Takeover Checklist Item"
    _order = "area, sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Item", required=True, translate=True)
    area = fields.Selection(AREAS, required=True, default="structure")
    scope = fields.Selection(
        [("building", "Building"), ("unit", "Each Unit")],
        required=True,
        default="unit",
        help="Checked once for the building (public areas, fire equipment...) or in every unit.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to use the item in every company."
    )
    description = fields.Text(string="What to Check", translate=True)
