from odoo import api, models


class ReportPropertyStormChecklist(models.AbstractModel):
    """Storm Checklist (access checked by property.report.mixin)."""

    _name = "report.property_butler_storm.property_storm_alert_report_checklist_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_storm_checklist"
    _description = "Storm Checklist Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        # Per alert, a checklist per project: its tasks.
        values["checklists"] = {}
        for alert in values["docs"]:
            tasks = alert.task_ids.grouped("project_id")
            values["checklists"][alert.id] = [
                {"project": project, "tasks": tasks.get(project, alert.task_ids[:0])}
                for project in alert.project_ids
            ]
        return values
