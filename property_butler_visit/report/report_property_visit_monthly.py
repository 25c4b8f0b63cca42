from odoo import api, models


class ReportPropertyVisitMonthly(models.AbstractModel):
    """The monthly visit report (access checked by property.report.mixin: the butlers' group
    and the wizard being the user's; the figures are read under the user's record rules)."""

    _name = "report.property_butler_visit.property_visit_report_monthly"
    _inherit = ["property.report.mixin"]
    _table = "report_property_visit_monthly"
    _description = "Monthly Visit Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["rows_of"] = {wizard.id: wizard._report_rows() for wizard in values["docs"]}
        return values
