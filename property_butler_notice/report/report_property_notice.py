from odoo import api, models


class ReportPropertyNotice(models.AbstractModel):
    """A notice on A4 (access checked by property.report.mixin)."""

    _name = "report.property_butler_notice.property_notice_report"
    _inherit = ["property.report.mixin"]
    _description = "Notice Report"


class ReportPropertyNoticeLog(models.AbstractModel):
    """The notice log of a period (access checked by property.report.mixin)."""

    _name = "report.property_butler_notice.property_notice_log_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_notice_log"
    _description = "Notice Log Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["data"] = data or {}
        return values
