from odoo import api, models


class ReportPropertyActivitySignup(models.AbstractModel):
    """The sign-up list of a community activity for the service hall: unit, name and people of
    the sign-ups the printing user may read (no phones)."""

    _name = "report.property_butler_activity.report_activity_signup"
    _description = "Activity Sign-up List"

    @api.model
    def _get_report_values(self, docids, data=None):
        events = self.env["event.event"].browse(docids)
        events.check_access("read")
        registrations = self.env["event.registration"].search(
            [("event_id", "in", events.ids), ("state", "in", ("open", "done"))],
            order="event_id, unit_id, id",
        )
        by_event = {
            event.id: registrations.filtered(lambda r, e=event: r.event_id == e) for event in events
        }
        return {
            "doc_ids": events.ids,
            "doc_model": "event.event",
            "docs": events,
            "registrations": by_event,
        }
