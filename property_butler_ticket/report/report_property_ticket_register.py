from odoo import api, models


class ReportPropertyTicketRegister(models.AbstractModel):
    """Ticket Register (access checked by property.report.mixin)."""

    _name = "report.property_butler_ticket.property_ticket_register_report_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_ticket_register"
    _description = "Ticket Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        registers = {}
        for wizard in values["docs"]:
            tickets = wizard._get_tickets()
            categories = tickets.mapped("stage_category")
            registers[wizard.id] = {
                "tickets": tickets,
                "type_totals": wizard._get_type_totals(tickets),
                "done": categories.count("done"),
                "cancel": categories.count("cancel"),
                "scored": len(tickets.filtered(lambda t: t.callback_state == "done")),
                "average": wizard._get_average_satisfaction(tickets),
            }
        values["registers"] = registers
        return values
