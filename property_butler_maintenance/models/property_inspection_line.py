from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyInspectionLine(models.Model):
    _inherit = "property.inspection.line"

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        index="btree_not_null",
        ondelete="set null",
        help="The equipment this item is about: a problem raises a maintenance request on it.",
    )

    @api.constrains("equipment_id")
    def _check_equipment_company(self):
        for line in self.sudo().filtered("equipment_id"):
            if line.equipment_id._property_of_other_company(line.inspection_id.company_id):
                raise ValidationError(
                    self.env._(
                        "%(equipment)s is equipment of another company than inspection "
                        "%(inspection)s.",
                        equipment=line.equipment_id.name,
                        inspection=line.inspection_id.name,
                    )
                )

    def _raise_findings(self):
        tickets = super()._raise_findings()
        # sudo: whoever inspects names the equipment; the request is the engineers'. One write
        # per piece of equipment (each raises the requests of its tickets at once).
        by_equipment = defaultdict(lambda: self.env["property.ticket"].sudo())
        raised = tickets.sudo()
        for line in self.sudo().filtered(lambda x: x.equipment_id and x.ticket_id in raised):
            by_equipment[line.equipment_id] |= line.ticket_id
        for equipment, equipment_tickets in by_equipment.items():
            equipment_tickets.equipment_id = equipment
        return tickets
