import base64

import qrcode
import qrcode.image.svg

from odoo import api, models


def qr_svg_src(value):
    """A data URI of ``value``'s QR code as SVG, with the standard quiet zone of 4 modules.

    Vector, not PNG: wkhtmltopdf re-encodes raster images as JPEG, whose blurred module edges
    strict decoders refuse; an SVG stays sharp at any print size.
    """
    if not value:
        return False
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(value)
    svg = code.make_image().to_string()
    return f"data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"


def checkpoint_locations(checkpoints):
    """Where each checkpoint is, by id: its cluster, building and unit, e.g. "A / 3"."""
    return {
        checkpoint.id: " / ".join(
            part
            for part in (
                checkpoint.cluster_id.name,
                checkpoint.building_id.name,
                checkpoint.unit_id.display_name,
            )
            if part
        )
        for checkpoint in checkpoints
    }


class ReportPropertyPatrolRouteQr(models.AbstractModel):
    """Checkpoint QR Codes (access checked by property.report.mixin)."""

    _name = "report.property_butler_patrol.property_patrol_route_report_qr_document"
    _inherit = ["property.report.mixin"]
    # Abstract: no table, but the default table name would be too long for PostgreSQL.
    _table = "report_property_patrol_route_qr"
    _description = "Checkpoint QR Codes Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        routes = values["docs"]
        checkpoints = routes.line_ids.checkpoint_id
        # qr_url is empty for a user who may not read the tokens (never computed through sudo).
        values["qr_images"] = {
            checkpoint.id: qr_svg_src(checkpoint.qr_url) for checkpoint in checkpoints
        }
        values["locations"] = checkpoint_locations(checkpoints)
        # Two cards a row, numbered in the route's order.
        values["qr_rows"] = {}
        for route in routes:
            cells = [
                {"number": number, "checkpoint": line.checkpoint_id}
                for number, line in enumerate(route.line_ids, start=1)
            ]
            values["qr_rows"][route.id] = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        return values
