from odoo import fields, models


class PropertyChecklistItem(models.Model):
    _inherit = "property.checklist.item"

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        index="btree_not_null",
        ondelete="set null",
        groups="maintenance.group_equipment_manager",
        domain="[('property_checkpoint_id', '=?', checkpoint_id)]",
        help="The equipment this check is about: a failed check raises a maintenance request "
        "on it.",
    )
