from odoo import models


class ReportPropertyTrainingSession(models.AbstractModel):
    """The attendance sheet of a training session (access checked by property.report.mixin)."""

    _name = "report.property_butler_training.property_training_session_report"
    _inherit = ["property.report.mixin"]
    _table = "report_property_training_session"
    _description = "Training Attendance Sheet"
