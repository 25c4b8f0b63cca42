from odoo import api, models


class ReportPropertyTakeover(models.AbstractModel):
    """The building's takeover report (access checked by property.report.mixin: the report's
    groups and the inspections being readable by the user)."""

    _name = "report.property_butler_takeover.property_takeover_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_takeover"
    _description = "Takeover Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        summaries = {}
        for takeover in values["docs"]:
            lines = takeover.line_ids
            summaries[takeover.id] = {
                "units": len(takeover.building_id.unit_ids),
                "checked": len(lines.filtered("result")),
                "ok": len(lines.filtered(lambda line: line.result == "ok")),
                "defect_lines": len(lines.filtered(lambda line: line.result == "defect")),
                "open": len(takeover.defect_ids.filtered(lambda d: d.state == "open")),
                "rectified": len(takeover.defect_ids.filtered(lambda d: d.state == "rectified")),
                "closed": len(takeover.defect_ids.filtered(lambda d: d.state == "closed")),
            }
        values["summary_of"] = summaries
        return values
