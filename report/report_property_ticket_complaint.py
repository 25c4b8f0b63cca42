from odoo import models


class ReportPropertyTicketComplaint(models.AbstractModel):
    """Complaint Record (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_ticket_report_complaint_template"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_ticket_complaint"
    _description = "Complaint Record Report"
