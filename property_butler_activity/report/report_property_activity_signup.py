from odoo import api, models


class ReportPropertyActivitySignup(models.AbstractModel):
    """The sign-up list of a community activity for the service hall (access checked by
    property.report.mixin: the front desk's group and the activities being readable): unit,
    name and people of the sign-ups the printing user may read, no phones."""

    _name = "report.property_butler_activity.report_activity_signup"
    _inherit = ["property.report.mixin"]
    _description = "Activity Sign-up List"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        events = values["docs"]
        registrations = self.env["event.registration"].search(
            [("event_id", "in", events.ids), ("state", "in", ("open", "done"))],
            order="event_id, unit_id, id",
        )
        values["registrations"] = {
            event.id: registrations.filtered(lambda r, e=event: r.event_id == e) for event in events
        }
        return values
