from odoo import models


class ReportPropertyTicketRegister(models.AbstractModel):
    """Ticket Register (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_ticket_register_report_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_ticket_register"
    _description = "Ticket Register Report"
