from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

PAGE_SIZE = 20
LIST_FIELDS = [
    "name",
    "kind",
    "tracking_number",
    "quantity",
    "date_received",
    "state",
    "date_collected",
    "collector_name",
    "project_id",
]


class PropertyParcelPortal(CustomerPortal):
    """Residents' mail (/my/parcels): the items addressed to them, nobody else's (record rule
    and the check of each page)."""

    def _parcel_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_parcel_count" in counters:
            Parcel = request.env["property.parcel"]
            values["property_parcel_count"] = (
                Parcel.search_count([*self._parcel_domain(), ("state", "=", "waiting")])
                if Parcel.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/parcels", "/my/parcels/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_parcels(self, page=1, **kw):
        Parcel = request.env["property.parcel"]
        if Parcel.has_access("read"):
            domain = self._parcel_domain()
            total = Parcel.search_count(domain)
            parcels = Parcel.search(
                domain,
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                order="date_received desc, id desc",
            )
            parcels.fetch(LIST_FIELDS)
        else:
            parcels, total = Parcel, 0
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "parcels": parcels,
                "pager": portal_pager(url="/my/parcels", total=total, page=page, step=PAGE_SIZE),
                "page_name": "property_parcel",
                "default_url": "/my/parcels",
                "tz_name": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return request.render("property_butler_parcel.portal_my_parcels", values)

    @http.route(["/my/parcels/<int:parcel_id>"], type="http", auth="user", website=True)
    def portal_my_parcel(self, parcel_id, **kw):
        try:
            parcel = self._document_check_access("property.parcel", parcel_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if parcel.partner_id != request.env.user.partner_id:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "parcel": parcel,
                "page_name": "property_parcel",
                "tz_name": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return request.render("property_butler_parcel.portal_my_parcel", values)
