from odoo import models


class ReportPropertyPatrolInspection(models.AbstractModel):
    """Patrol Inspection Record (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_patrol_round_report_inspection_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_patrol_inspection"
    _description = "Patrol Inspection Record Report"
