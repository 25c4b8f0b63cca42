from odoo import fields, models


class PropertyChecklistItem(models.Model):
    """One thing to check at a checkpoint; a failed item becomes a finding for its department."""

    _name = "property.checklist.item"
    _description = "Checklist Item"
    _order = "checkpoint_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    checkpoint_id = fields.Many2one(
        "property.checkpoint", required=True, ondelete="cascade", index=True
    )
    department_id = fields.Many2one(
        "property.department",
        help="Department that receives the finding when this item fails.",
    )
