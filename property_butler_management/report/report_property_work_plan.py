from odoo import models


class ReportPropertyWorkPlan(models.AbstractModel):
    """The work plan and its summary, printed (access checked by property.report.mixin)."""

    _name = "report.property_butler_management.property_work_plan_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_work_plan"
    _description = "Work Plan Report"
