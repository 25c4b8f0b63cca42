from odoo import api, models

from ..models.property_decoration_check import PROBLEM_FIELDS


class ReportPropertyDecorationPermitMonitoring(models.AbstractModel):
    """Decoration Monitoring Record (access checked by property.report.mixin)."""

    _name = (
        "report.property_butler_decoration.property_decoration_permit_report_monitoring_document"
    )
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_decoration_permit_monitoring"
    _description = "Decoration Monitoring Record Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["checks"] = {
            permit.id: permit.check_ids.sorted("date_planned") for permit in values["docs"]
        }
        # A column per item of the checklist (ticked when it is a problem).
        values["check_fields"] = PROBLEM_FIELDS
        return values
