from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 40


class PropertyNewspaperPortal(CustomerPortal):
    """Residents' newspaper subscriptions (/my/newspapers), read only: their own (record rule
    and the domain here)."""

    def _newspaper_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_newspaper_count" in counters:
            Subscription = request.env["property.newspaper.subscription"]
            values["property_newspaper_count"] = (
                Subscription.search_count(self._newspaper_domain())
                if Subscription.has_access("read")
                else 0
            )
        return values

    def _prepare_newspaper_list_values(self, env, page=1):
        Subscription = env["property.newspaper.subscription"]
        domain = [("partner_id", "=", env.user.partner_id.id)]
        if not Subscription.has_access("read"):
            subscriptions, total = Subscription, 0
        else:
            total = Subscription.search_count(domain)
            subscriptions = Subscription.search(
                domain,
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                order="date_end desc, id desc",
            )
        subscriptions.fetch(["unit_code", "title_id", "quantity", "date_start", "date_end"])
        subscriptions.title_id.fetch(["name"])
        return {
            "subscriptions": subscriptions,
            "pager": portal_pager(url="/my/newspapers", total=total, page=page, step=PAGE_SIZE),
            "page_name": "property_newspaper",
            "default_url": "/my/newspapers",
        }

    @http.route(
        ["/my/newspapers", "/my/newspapers/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_newspapers(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_newspaper_list_values(request.env, page=page))
        return request.render("property_butler_newspaper.portal_my_newspapers", values)
