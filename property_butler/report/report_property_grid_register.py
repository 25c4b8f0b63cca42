from odoo import api, models


class ReportPropertyGridRegister(models.AbstractModel):
    """Grid Register (access checked by property.report.mixin)."""

    _name = "report.property_butler.property_grid_report_register_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_grid_register"
    _description = "Grid Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        units = values["docs"].unit_ids
        # Per unit: its residents' names, and the phones of those who live there.
        values["residents"] = {
            unit.id: {
                "names": ", ".join(unit.resident_ids.mapped("name")),
                "phones": ", ".join(
                    phone
                    for phone in unit.current_occupancy_ids.filtered("resides").mapped("phone")
                    if phone
                ),
            }
            for unit in units
        }
        return values
