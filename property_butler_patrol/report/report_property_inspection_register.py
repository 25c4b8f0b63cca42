from odoo import api, models


class ReportPropertyInspectionRegister(models.AbstractModel):
    """Inspection Register (access checked by property.report.mixin)."""

    _name = "report.property_butler_patrol.property_inspection_report_register_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_inspection_register"
    _description = "Inspection Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        inspections = values["docs"].sorted(lambda i: (i.date_planned, i.id))
        # One register per place (the cluster, else the project), by name.
        places = inspections.grouped(lambda i: (i.cluster_id or i.project_id).display_name)
        values["groups"] = [
            {"place": place, "inspections": places[place]} for place in sorted(places)
        ]
        return values
