from odoo import models


class ReportPropertyDunningCaseLog(models.AbstractModel):
    """Fee Dunning Record (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_dunning_case_report_log_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_dunning_case_log"
    _description = "Fee Dunning Record Report"
