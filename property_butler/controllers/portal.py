from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.web import Home


class PropertyButlerPortal(CustomerPortal):
    """Residents' "My Units" pages: the units they occupy now, with their butler."""

    def _property_unit_domain(self):
        partner = request.env.user.partner_id
        occupancy_domain = [
            ("partner_id", "=", partner.id),
            *request.env["property.occupancy"]._current_domain(),
        ]
        return [("occupancy_ids", "any", occupancy_domain)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_unit_count" in counters:
            Unit = request.env["property.unit"]
            values["property_unit_count"] = (
                Unit.search_count(self._property_unit_domain()) if Unit.has_access("read") else 0
            )
        return values

    def _property_butler_contacts(self, units):
        """Name and phone of each unit's butler: residents cannot read staff users, so this
        single read goes through sudo, limited to units the resident may already read."""
        units.check_access("read")
        return {
            unit.id: {
                "name": unit.sudo().butler_id.name,
                "phone": unit.sudo().butler_id.partner_id.phone or unit.project_id.phone,
            }
            for unit in units
        }

    @http.route(["/my/units"], type="http", auth="user", website=True)
    def portal_my_units(self, **kw):
        Unit = request.env["property.unit"]
        units = Unit.search(self._property_unit_domain()) if Unit.has_access("read") else Unit
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": units,
                "butlers": self._property_butler_contacts(units),
                "page_name": "property_unit",
                "default_url": "/my/units",
            }
        )
        return request.render("property_butler.portal_my_units", values)

    @http.route(["/my/units/<int:unit_id>"], type="http", auth="user", website=True)
    def portal_my_unit(self, unit_id, **kw):
        try:
            unit = self._document_check_access("property.unit", unit_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        today = fields.Date.context_today(unit)
        occupancies = unit.occupancy_ids.filtered(
            lambda o: o.partner_id == request.env.user.partner_id and o._is_current(today)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "unit": unit,
                "occupancies": occupancies,
                "butler": self._property_butler_contacts(unit)[unit.id],
                "page_name": "property_unit",
                "title": request.env._("Unit %s", unit.code),
            }
        )
        return request.render("property_butler.portal_my_unit", values)


class PropertyButlerHome(Home):
    """Once logged in, the portal speaks the resident's own language.

    Pages of the portal take their language from the ``frontend_lang`` cookie before the
    user's: on a phone shared by a family, or after the login page was shown in another
    language, residents would read the portal in someone else's language. Logging in sets
    the cookie to the user's language."""

    @http.route()
    def web_login(self, redirect=None, **kw):
        response = super().web_login(redirect=redirect, **kw)
        uid = request.session.uid
        if request.params.get("login_success") and uid:
            lang = request.env["res.users"].sudo().browse(uid).lang
            if lang and lang in dict(request.env["res.lang"].get_installed()):
                response.set_cookie("frontend_lang", lang)
        return response
