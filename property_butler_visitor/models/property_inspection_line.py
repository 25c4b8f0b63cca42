from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

LOG_ITEM = "property_butler_patrol.property_inspection_template_item_cluster_daily_4"


class PropertyInspectionLine(models.Model):
    """The cluster inspection's "visitor, vehicle and goods logs" item opens the registers."""

    _inherit = "property.inspection.line"

    is_visitor_log_item = fields.Boolean(compute="_compute_is_visitor_log_item")

    @api.depends("item_id")
    def _compute_is_visitor_log_item(self):
        item = self.env.ref(LOG_ITEM, raise_if_not_found=False)
        for line in self:
            line.is_visitor_log_item = bool(item and line.item_id == item)

    def action_open_visitor_logs(self):
        """The visits of the inspection's project on its day (done, else planned, else today)."""
        self.ensure_one()
        inspection = self.inspection_id
        day = inspection.date_done or inspection.date_planned or fields.Date.context_today(self)
        zone = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        start = zone.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        end = start + timedelta(days=1)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_visitor.property_visitor_log_action_all"
        )
        action["domain"] = [
            ("project_id", "=", inspection.project_id.id),
            ("entry_time", ">=", fields.Datetime.to_string(start.replace(tzinfo=None))),
            ("entry_time", "<", fields.Datetime.to_string(end.replace(tzinfo=None))),
        ]
        action["context"] = {}
        return action
