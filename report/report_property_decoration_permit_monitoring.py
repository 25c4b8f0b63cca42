from odoo import models


class ReportPropertyDecorationPermitMonitoring(models.AbstractModel):
    """Decoration Monitoring Record (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_decoration_permit_report_monitoring_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_decoration_permit_monitoring"
    _description = "Decoration Monitoring Record Report"
