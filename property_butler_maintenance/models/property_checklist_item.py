from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("equipment_id", "checkpoint_id")
    def _check_equipment_company(self):
        for item in self.sudo().filtered("equipment_id"):
            if item.equipment_id._property_of_other_company(item.checkpoint_id.company_id):
                raise ValidationError(
                    self.env._(
                        "%(equipment)s is equipment of another company than checkpoint "
                        "%(checkpoint)s.",
                        equipment=item.equipment_id.name,
                        checkpoint=item.checkpoint_id.name,
                    )
                )
