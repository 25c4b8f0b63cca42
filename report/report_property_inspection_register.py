from odoo import models


class ReportPropertyInspectionRegister(models.AbstractModel):
    """Inspection Register (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_inspection_report_register_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_inspection_register"
    _description = "Inspection Register Report"
