from odoo import models


class ReportPropertyPatrolCheckinSheet(models.AbstractModel):
    """Patrol Check-in Sheet (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_patrol_round_report_checkin_sheet_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_patrol_checkin_sheet"
    _description = "Patrol Check-in Sheet Report"
