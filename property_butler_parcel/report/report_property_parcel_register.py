from odoo import api, models

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


class ReportPropertyParcelRegister(models.AbstractModel):
    """業主信件簽收表: the items by project, in the order they arrived (access checked by the
    mixin: the front desk's groups and the record rules of the items printed)."""

    _name = "report.property_butler_parcel.property_parcel_report_register"
    _inherit = ["property.report.mixin"]
    _table = "report_property_parcel_register"
    _description = "Mail Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        parcels = values["docs"].sorted(lambda p: (p.project_id.id, p.date_received, p.id))
        # grouped() keeps the order: projects by id, each project's items as they arrived.
        values["groups"] = [
            {"project": project, "records": records}
            for project, records in parcels.grouped("project_id").items()
        ]
        values["tz_name"] = self.env.user.tz or DEFAULT_TZ
        return values
