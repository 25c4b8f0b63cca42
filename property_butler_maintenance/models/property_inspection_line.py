from odoo import fields, models


class PropertyInspectionLine(models.Model):
    _inherit = "property.inspection.line"

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        index="btree_not_null",
        ondelete="set null",
        help="The equipment this item is about: a problem raises a maintenance request on it.",
    )

    def _raise_findings(self):
        tickets = super()._raise_findings()
        # sudo: whoever inspects names the equipment; the request is the engineers'.
        for line in self.sudo().filtered(
            lambda x: x.equipment_id and x.ticket_id in tickets.sudo()
        ):
            line.ticket_id.equipment_id = line.equipment_id
        return tickets
