from odoo import api, fields, models


class PropertyDepartment(models.Model):
    _inherit = "property.department"

    ticket_ids = fields.One2many("property.ticket", "department_id", string="Tickets")
    open_ticket_count = fields.Integer(compute="_compute_open_ticket_count")

    @api.depends("ticket_ids.stage_id")
    def _compute_open_ticket_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("department_id", "in", self.ids), ("is_closed", "=", False)],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.open_ticket_count = counts.get(department, 0)

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_ticket.property_ticket_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id, "search_default_filter_open": 1}
        return action
