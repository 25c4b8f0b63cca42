from odoo import models


class ReportPropertyStormChecklist(models.AbstractModel):
    """Storm Checklist (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_storm_alert_report_checklist_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_storm_checklist"
    _description = "Storm Checklist Report"
