from odoo import models

LABELS_PER_PAGE = 24  # A4 sheet of 3 × 8 labels (70 × 37 mm)


class ReportPropertyDocumentLabels(models.AbstractModel):
    """Address labels of the copies sent by post (access checked by property.report.mixin)."""

    _name = "report.property_butler_distribution.property_document_labels"
    _inherit = ["property.report.mixin"]
    _table = "report_property_document_labels"
    _description = "Document Address Labels Report"

    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        issues = values["docs"]
        lines = self.env["property.document.line"].search(
            [
                ("issue_id", "in", issues.ids),
                ("channel", "=", "post"),
                ("state", "in", ("prepared", "posted")),
            ],
            order="issue_id, building_id, unit_id, id",
        )
        lines.fetch(["unit_id", "partner_id", "mailing_address"])
        values["pages"] = [
            lines[start : start + LABELS_PER_PAGE]
            for start in range(0, len(lines), LABELS_PER_PAGE)
        ]
        return values
