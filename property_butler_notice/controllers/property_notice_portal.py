from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyNoticePortal(CustomerPortal):
    """Residents' notices: those posted for the units they occupy today (record rules)."""

    def _notice_domain(self):
        return [("state", "in", ("posted", "expired")), ("visible_in_portal", "=", True)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_notice_count" in counters:
            Notice = request.env["property.notice"]
            values["property_notice_count"] = (
                Notice.search_count(self._notice_domain()) if Notice.has_access("read") else 0
            )
        return values

    def _prepare_notice_list_values(self, env, page=1):
        Notice = env["property.notice"]
        if not Notice.has_access("read"):
            notices, total = Notice, 0
        else:
            domain = self._notice_domain()
            total = Notice.search_count(domain)
            notices = Notice.search(
                domain,
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
                order="date_post desc, id desc",
            )
        pager = portal_pager(url="/my/notices", total=total, page=page, step=PAGE_SIZE)
        read_ids = set()
        if notices:
            read_ids = set(
                env["property.notice.read"]
                .search(
                    [("notice_id", "in", notices.ids), ("partner_id", "=", env.user.partner_id.id)]
                )
                .notice_id.ids
            )
        notices.fetch(["name", "category", "priority", "date_post", "date_expiry", "state"])
        return {
            "notices": notices,
            "read_notice_ids": read_ids,
            "pager": pager,
            "page_name": "property_notice",
            "default_url": "/my/notices",
        }

    @http.route(
        ["/my/notices", "/my/notices/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_notices(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_notice_list_values(request.env, page=page))
        return request.render("property_butler_notice.portal_my_notices", values)

    def _notice_check(self, notice_id):
        notice = request.env["property.notice"].browse(notice_id).exists()
        if not notice:
            raise MissingError(request.env._("This notice does not exist."))
        notice.check_access("read")
        if notice.state not in ("posted", "expired") or not notice.visible_in_portal:
            raise AccessError(request.env._("This notice is not for you."))
        return notice

    @http.route(["/my/notices/<int:notice_id>"], type="http", auth="user", website=True)
    def portal_my_notice(self, notice_id, **kw):
        try:
            notice = self._notice_check(notice_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        partner = request.env.user.partner_id
        confirmed = bool(
            request.env["property.notice.read"].search_count(
                [("notice_id", "=", notice.id), ("partner_id", "=", partner.id)]
            )
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "notice": notice,
                "confirmed": confirmed,
                "page_name": "property_notice",
                "date_options": notice._local_datetime_options(),
            }
        )
        return request.render("property_butler_notice.portal_my_notice", values)

    @http.route(
        ["/my/notices/<int:notice_id>/read"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_notice_read(self, notice_id, **kw):
        try:
            notice = self._notice_check(notice_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        notice._portal_confirm_read(request.env.user.partner_id)
        return request.redirect(f"/my/notices/{notice.id}")
