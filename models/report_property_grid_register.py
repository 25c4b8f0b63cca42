from odoo import api, models
from odoo.exceptions import AccessError


class ReportPropertyGridRegister(models.AbstractModel):
    """The grid register lists every resident of a grid with their phone: butlers (of the
    grids they may read) and their supervisors print it, not guards, staff or front desk."""

    _name = "report.property_butler.property_grid_report_register_document"
    _description = "Grid Register"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.su and not self.env.user.has_group(
            "property_butler.property_butler_group_butler"
        ):
            raise AccessError(
                self.env._("Only butlers and their supervisors print grid registers.")
            )
        grids = self.env["property.grid"].browse(docids)
        grids.check_access("read")
        return {"doc_ids": docids, "doc_model": "property.grid", "docs": grids}
