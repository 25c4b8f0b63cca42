from odoo import api, models


class ReportPropertyProjectVacantUnits(models.AbstractModel):
    """Empty Flat List (access checked by property.report.mixin)."""

    _name = "report.property_butler_patrol.property_project_report_vacant_units_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_project_vacant_units"
    _description = "Empty Flat List Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        # sudo: the guards of the control room read the list (units, this month's inspection,
        # the last pass), not the inspections themselves; no resident is printed.
        values["flat_rows"] = {
            project.id: project.sudo()._property_empty_flat_rows() for project in values["docs"]
        }
        return values
