from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertySurveyPortal(CustomerPortal):
    """Residents' satisfaction surveys: the invitations of their own contact, in campaigns that
    run (or ran). Residents have no access to invitations or survey answers: these pages read
    them through sudo, always filtered on the user's own contact."""

    def _survey_invitations(self, open_only=False):
        domain = [
            ("partner_id", "=", request.env.user.partner_id.id),
            ("campaign_id.state", "in", ("running", "closed")),
        ]
        if open_only:
            domain += [("campaign_id.state", "=", "running"), ("state", "!=", "done")]
        # sudo: the resident's own invitations only (domain above).
        return request.env["property.survey.invitation"].sudo().search(domain)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_survey_count" in counters:
            values["property_survey_count"] = (
                len(self._survey_invitations(open_only=True)) if request.env.user.share else 0
            )
        return values

    @http.route(["/my/surveys"], type="http", auth="user", website=True)
    def portal_my_surveys(self, **kw):
        invitations = self._survey_invitations() if request.env.user.share else None
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "survey_invitations": invitations or [],
                "page_name": "property_survey",
                "default_url": "/my/surveys",
            }
        )
        return request.render("property_butler_survey.portal_my_surveys", values)

    @http.route(["/my/surveys/<int:invitation_id>"], type="http", auth="user", website=True)
    def portal_my_survey(self, invitation_id, **kw):
        """Open the survey with the resident's own answer token; anybody else's invitation
        leads back to the list."""
        invitation = self._survey_invitations(open_only=True).filtered(
            lambda i: i.id == invitation_id
        )
        if not invitation or not request.env.user.share:
            return request.redirect("/my/surveys")
        return request.redirect(invitation.user_input_id.get_start_url())
