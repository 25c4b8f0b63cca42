from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

ERRORS = ("full", "size", "already", "closed", "checked_in", "refused")


class PropertyActivityPortal(CustomerPortal):
    """Residents' community activities: the upcoming approved activities of the projects they
    live in, their own sign-ups. Residents have no rights on events or sign-ups: everything is
    read with sudo, limited to the resident's projects and own partner."""

    def _activity_projects(self):
        partner = request.env.user.partner_id
        Occupancy = request.env["property.occupancy"].sudo()
        occupancies = Occupancy.search(
            [("partner_id", "=", partner.id), *Occupancy._current_domain()]
        )
        return occupancies.unit_id.project_id, occupancies

    def _activity_domain(self, projects, upcoming=True):
        domain = [
            ("property_project_id", "in", projects.ids or [0]),
            ("property_state", "=", "approved"),
        ]
        if upcoming:
            domain.append(("date_end", ">=", fields.Datetime.now()))
        return domain

    def _my_registrations(self, events):
        partner = request.env.user.partner_id
        registrations = (
            request.env["event.registration"]
            .sudo()
            .search(
                [
                    ("event_id", "in", events.ids or [0]),
                    ("partner_id", "=", partner.id),
                    ("state", "in", ("draft", "open", "done")),
                ]
            )
        )
        return {registration.event_id.id: registration for registration in registrations}

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_activity_count" in counters:
            projects, _occupancies = self._activity_projects()
            values["property_activity_count"] = (
                request.env["event.event"].sudo().search_count(self._activity_domain(projects))
                if projects
                else 0
            )
        return values

    def _activity_values(self, **values):
        values.update(
            page_name="property_activity",
            tz=request.env.user.tz or DEFAULT_TZ,
        )
        return values

    @http.route(["/my/activities"], type="http", auth="user", website=True)
    def portal_my_activities(self, **kw):
        projects, _occupancies = self._activity_projects()
        events = request.env["event.event"]
        if projects:
            events = events.sudo().search(self._activity_domain(projects), order="date_begin")
        values = self._prepare_portal_layout_values()
        values.update(
            self._activity_values(
                activities=events,
                my_registrations=self._my_registrations(events),
                default_url="/my/activities",
            )
        )
        return request.render("property_butler_activity.portal_my_activities", values)

    def _activity_check(self, activity_id, upcoming=False):
        """The approved activity of one of the resident's projects, else None."""
        projects, occupancies = self._activity_projects()
        if not projects:
            return None, occupancies
        event = (
            request.env["event.event"]
            .sudo()
            .search([("id", "=", activity_id), *self._activity_domain(projects, upcoming)], limit=1)
        )
        return (event or None), occupancies

    @http.route(["/my/activities/<int:activity_id>"], type="http", auth="user", website=True)
    def portal_my_activity(self, activity_id, error=None, **kw):
        event, _occupancies = self._activity_check(activity_id)
        if not event:
            return request.redirect("/my")
        registration = self._my_registrations(event).get(event.id)
        values = self._prepare_portal_layout_values()
        values.update(
            self._activity_values(
                activity=event,
                registration=registration,
                is_open=event.date_end >= fields.Datetime.now() and event.event_registrations_open,
                error=error if error in ERRORS else None,
            )
        )
        return request.render("property_butler_activity.portal_my_activity", values)

    @http.route(
        ["/my/activities/<int:activity_id>/signup"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_activity_signup(self, activity_id, party_size=1, **kw):
        event, occupancies = self._activity_check(activity_id, upcoming=True)
        if not event:
            return request.redirect("/my")
        url = f"/my/activities/{event.id}"
        try:
            party_size = int(party_size)
        except (TypeError, ValueError):
            party_size = 0
        if not 1 <= party_size <= 20:
            return request.redirect(f"{url}?error=size")
        unit = occupancies.unit_id.filtered(lambda u: u.project_id == event.property_project_id)[:1]
        # Counted under the activity's lock, created in a savepoint: a sign-up for the last
        # places made at the same time by a neighbour is refused, and leaves nothing behind.
        _registration, error = event._property_portal_signup(
            request.env.user.partner_id, unit, party_size
        )
        if error:
            return request.redirect(f"{url}?error={error}")
        return request.redirect(url)

    @http.route(
        ["/my/activities/<int:activity_id>/cancel"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_activity_cancel(self, activity_id, **kw):
        event, _occupancies = self._activity_check(activity_id, upcoming=True)
        if not event:
            return request.redirect("/my")
        registration = self._my_registrations(event).get(event.id)
        url = f"/my/activities/{event.id}"
        if registration and registration.state == "done":
            return request.redirect(f"{url}?error=checked_in")
        if registration:
            registration.action_cancel()
        return request.redirect(url)
