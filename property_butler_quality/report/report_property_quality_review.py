from odoo import api, models


class ReportPropertyQualityReview(models.AbstractModel):
    """The quality targets printed (access checked by property.report.mixin)."""

    _name = "report.property_butler_quality.property_quality_review_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_quality_review"
    _description = "Quality Targets Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["reviews"] = {review.id: review._review_values() for review in values["docs"]}
        return values
