from odoo import models


class ReportPropertyHandoverLog(models.AbstractModel):
    """Shift Handover Log (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_handover_log_report_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_handover_log"
    _description = "Shift Handover Log Report"
