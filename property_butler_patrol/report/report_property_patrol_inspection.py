from odoo import api, models

from .report_property_patrol_checkin_sheet import round_groups


class ReportPropertyPatrolInspection(models.AbstractModel):
    """Patrol Inspection Record (access checked by property.report.mixin)."""

    _name = "report.property_butler_patrol.property_patrol_round_report_inspection_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_patrol_inspection"
    _description = "Patrol Inspection Record Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        rounds = values["docs"]
        values["groups"], values["round_tz"] = round_groups(rounds)
        # Each round's check-ins in the order of the route (then by time).
        values["checkins"] = {}
        for patrol in rounds:
            order = {
                line.checkpoint_id.id: index for index, line in enumerate(patrol.route_id.line_ids)
            }
            values["checkins"][patrol.id] = patrol.checkin_ids.sorted(
                lambda checkin, order=order: (
                    order.get(checkin.checkpoint_id.id, 999),
                    checkin.date,
                )
            )
        return values
