from odoo import api, models

from odoo.addons.property_butler_patrol.report.report_property_patrol_route_qr import qr_svg_src


class ReportPropertyDecorationWorkerPass(models.AbstractModel):
    """Worker pass cards (出入證) with photo and the QR code guards scan (access checked by
    property.report.mixin)."""

    _name = "report.property_butler_decoration.property_decoration_worker_report_pass"
    _inherit = ["property.report.mixin"]
    _table = "report_property_decoration_worker_pass"
    _description = "Decoration Worker Pass Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["qr_codes"] = {
            worker.id: qr_svg_src(worker._pass_url()) for worker in values["docs"]
        }
        return values
