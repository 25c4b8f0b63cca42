import pytz

from odoo import api, models

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


def day_groups(records, moment, tz_name):
    """The records by project and local day of ``moment(record)``, in order."""
    zone = pytz.timezone(tz_name)
    groups = []
    for record in records:
        value = moment(record)
        if hasattr(value, "hour"):
            value = pytz.utc.localize(value).astimezone(zone).date()
        key = (record.project_id, value)
        if groups and groups[-1]["key"] == key:
            groups[-1]["records"] |= record
        else:
            groups.append(
                {"key": key, "project": record.project_id, "day": value, "records": record}
            )
    return groups


class ReportPropertyVisitorRegister(models.AbstractModel):
    """外來人員出入登記表: the visits by project and local day (access checked by the mixin)."""

    _name = "report.property_butler_visitor.property_visitor_log_report_register"
    _inherit = ["property.report.mixin"]
    _table = "report_property_visitor_register"
    _description = "Visitor Register Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        tz_name = self.env.user.tz or DEFAULT_TZ
        logs = values["docs"].sorted(lambda log: (log.project_id.id, log.entry_time, log.id))
        values["groups"] = day_groups(logs, lambda log: log.entry_time, tz_name)
        values["tz_name"] = tz_name
        return values


class ReportPropertyVehicleLog(models.AbstractModel):
    """車輛出入登記表: the visits by vehicle, by project and local day."""

    _name = "report.property_butler_visitor.property_visitor_log_report_vehicle"
    _inherit = ["report.property_butler_visitor.property_visitor_log_report_register"]
    _table = "report_property_vehicle_log"
    _description = "Vehicle Log Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        for group in values["groups"]:
            group["records"] = group["records"].filtered("vehicle_plate")
        values["groups"] = [group for group in values["groups"] if group["records"]]
        return values
