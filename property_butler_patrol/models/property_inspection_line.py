from odoo import fields, models

from .property_inspection_template_item import CATEGORIES


class PropertyInspectionLine(models.Model):
    _name = "property.inspection.line"
    _description = "Inspection Item Result"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one(
        "property.inspection", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("property.inspection.template.item", ondelete="set null")
    sequence = fields.Integer(default=10)
    category = fields.Selection(CATEGORIES, required=True)
    # Translatable, like the template item it comes from (whose translations it copies).
    name = fields.Char(required=True, translate=True)
    result = fields.Selection([("ok", "OK"), ("problem", "Problem")])
    note = fields.Char()
    photo = fields.Image(max_width=1920, max_height=1920)
    ticket_id = fields.Many2one("property.ticket", string="Finding", readonly=True)

    def _raise_findings(self):
        """Problems become findings (tickets) for the department of their item."""
        finding_type = self.env.ref("property_butler_ticket.property_ticket_type_finding")
        problems = self.filtered(lambda line: line.result == "problem" and not line.ticket_id)
        tickets = self.env["property.ticket"].create(
            [
                {
                    "ticket_type_id": finding_type.id,
                    "channel": "butler_visit",
                    "title": f"{line.inspection_id._place()}: {line.name}",
                    "description": line.note or line.name,
                    "project_id": line.inspection_id.project_id.id,
                    "cluster_id": line.inspection_id.cluster_id.id,
                    "unit_id": line.inspection_id.unit_id.id,
                    "company_id": line.inspection_id.company_id.id,
                    "department_id": (line.item_id.department_id or finding_type.department_id).id,
                }
                for line in problems
            ]
        )
        for line, ticket in zip(problems, tickets, strict=True):
            line.ticket_id = ticket
        return tickets
