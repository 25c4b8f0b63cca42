from odoo import models


class ReportPropertyDecorationPermitPermit(models.AbstractModel):
    """The decoration permit (《裝修許可證》) posted on site (access checked by
    property.report.mixin)."""

    _name = "report.property_butler_decoration.property_decoration_permit_report_permit"
    _inherit = ["property.report.mixin"]
    _table = "report_property_decoration_permit_permit"
    _description = "Decoration Permit Report"
