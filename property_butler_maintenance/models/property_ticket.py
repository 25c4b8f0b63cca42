from odoo import api, fields, models
from odoo.tools import plaintext2html


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        domain="[('property_project_id', '=?', project_id)]",
        help="The equipment the finding is about: it raises a corrective maintenance request "
        "on it.",
    )
    maintenance_request_id = fields.Many2one(
        "maintenance.request",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._create_maintenance_requests()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if vals.get("equipment_id"):
            self._create_maintenance_requests()
        return res

    def _create_maintenance_requests(self):
        """One corrective maintenance request on the equipment of each ticket naming one, once
        (the request's unique link to its ticket). Created as superuser: the guard reporting a
        finding does not manage equipment, and the request is the engineering department's."""
        tickets = self.filtered(lambda t: t.equipment_id and not t.maintenance_request_id)
        if not tickets:
            return self.env["maintenance.request"]
        Request = self.env["maintenance.request"].sudo()
        existing = Request.search([("property_ticket_id", "in", tickets.ids)])
        tickets -= existing.property_ticket_id
        requests = Request.create(
            [
                {
                    # A finding is the staff's own words; a resident's ticket (its title and
                    # text are the resident's, and may hold a phone number) stays with the
                    # people of its scope: the request refers to it by number only.
                    "name": ticket.title
                    if ticket.kind == "finding"
                    else f"{ticket.name} · {ticket.equipment_id.name}",
                    "description": ticket.description
                    if ticket.kind == "finding"
                    else plaintext2html(ticket.name),
                    "equipment_id": ticket.equipment_id.id,
                    "maintenance_team_id": ticket.equipment_id.maintenance_team_id.id
                    or self.env.ref("property_butler_maintenance.maintenance_team_engineering").id,
                    "maintenance_type": "corrective",
                    "company_id": ticket.equipment_id.company_id.id or ticket.company_id.id,
                    "owner_user_id": self.env.uid,
                    "property_ticket_id": ticket.id,
                    "priority": "2" if ticket.priority == "0" else "3",
                }
                for ticket in tickets
            ]
        )
        for ticket, request in zip(tickets, requests, strict=True):
            ticket.sudo().maintenance_request_id = request
        for request in existing:
            request.property_ticket_id.sudo().maintenance_request_id = request
        return requests
