from odoo import models


class ReportPropertyDocumentRegister(models.AbstractModel):
    """Document Distribution Register 《文件發放登記表》 (access checked by
    property.report.mixin): the issue's copies the user may read, by building and unit."""

    _name = "report.property_butler_distribution.property_document_register"
    _inherit = ["property.report.mixin"]
    _table = "report_property_document_register"
    _description = "Document Distribution Register Report"

    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        issues = values["docs"]
        lines = self.env["property.document.line"].search(
            [("issue_id", "in", issues.ids)], order="issue_id, building_id, unit_id, id"
        )
        lines.fetch(["unit_id", "partner_id", "channel", "state", "date_handed", "date_received"])
        grouped = lines.grouped("issue_id")
        values["lines_by_issue"] = {
            issue.id: grouped.get(issue, lines.browse()) for issue in issues
        }
        return values
