from odoo import models


class ReportPropertyGridRegister(models.AbstractModel):
    """Grid Register (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_grid_report_register_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_grid_register"
    _description = "Grid Register Report"
