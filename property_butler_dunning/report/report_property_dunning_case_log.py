from odoo import api, models


class ReportPropertyDunningCaseLog(models.AbstractModel):
    """Fee Dunning Record (access checked by property.report.mixin)."""

    _name = "report.property_butler_dunning.property_dunning_case_report_log_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_dunning_case_log"
    _description = "Fee Dunning Record Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        cases = values["docs"].sorted(
            lambda c: (c.quarter, c.grid_id.name or "", c.unit_id.code or "")
        )
        # One page per grid and quarter, each with its cases by unit.
        values["groups"] = [
            {
                "grid": grid,
                "quarter": quarter,
                "cases": group,
                "amount_due": sum(group.mapped("amount_due")),
            }
            for (grid, quarter), group in cases.grouped(
                lambda c: (c.grid_id, c.quarter_label)
            ).items()
        ]
        values["entries_of"] = {
            case.id: case.log_ids.sorted(lambda entry: (entry.date, entry.id)) for case in cases
        }
        return values
