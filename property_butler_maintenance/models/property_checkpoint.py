from odoo import fields, models


class PropertyCheckpoint(models.Model):
    _inherit = "property.checkpoint"

    equipment_ids = fields.One2many(
        "maintenance.equipment",
        "property_checkpoint_id",
        groups="maintenance.group_equipment_manager",
    )
