from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Where a checkpoint is: the standard checks of S0 3.2.1 (inside the buildings), 3.2.2
# (outside) or 3.4.2 (at the door of an empty flat) apply to it.
PATROL_AREAS = [
    ("indoor", "Inside the Buildings"),
    ("outdoor", "Outside the Buildings"),
    ("vacant_unit", "Empty Flat"),
]


class PropertyChecklistItem(models.Model):
    """One thing to check at a checkpoint; a failed item becomes a finding for its department.

    Items without a checkpoint are the standard checks of an area (shipped from the manual), which
    checkpoints of that area copy."""

    _name = "property.checklist.item"
    _description = "Checklist Item"
    _order = "checkpoint_id, area, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    checkpoint_id = fields.Many2one("property.checkpoint", ondelete="cascade", index=True)
    area = fields.Selection(
        PATROL_AREAS,
        help="For a standard check (no checkpoint): the checkpoints it applies to.",
    )
    department_id = fields.Many2one(
        "property.department",
        help="Department that receives the finding when this item fails.",
    )

    @api.constrains("checkpoint_id", "area")
    def _check_standard(self):
        for item in self:
            if not item.checkpoint_id and not item.area:
                raise ValidationError(
                    self.env._(
                        "Checklist item %s: a standard check (without a checkpoint) needs an area.",
                        item.name,
                    )
                )
