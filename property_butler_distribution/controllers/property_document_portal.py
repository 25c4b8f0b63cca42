import base64

import pytz

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request
from odoo.tools.misc import babel_locale_parse, posix_to_ldml

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from ..models.property_document_issue import REPORT_MODELS

PAGE_SIZE = 20
LIST_FIELDS = [
    "issue_name",
    "issue_date",
    "document_type",
    "unit_id",
    "channel",
    "state",
    "date_received",
]


class PropertyDocumentPortal(CustomerPortal):
    """Residents' documents: the copies issued to them (record rules: ``partner_id`` is the
    user's own contact); the file is read through sudo once the copy is the user's."""

    def _document_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_document_count" in counters:
            Line = request.env["property.document.line"]
            values["property_document_count"] = (
                Line.search_count(self._document_domain()) if Line.has_access("read") else 0
            )
        return values

    def _prepare_document_list_values(self, env, page=1):
        Line = env["property.document.line"]
        if not Line.has_access("read"):
            lines, total = Line, 0
        else:
            domain = [("partner_id", "=", env.user.partner_id.id)]
            total = Line.search_count(domain)
            lines = Line.search(
                domain, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, order="id desc"
            )
            lines.fetch(LIST_FIELDS)
            lines.unit_id.fetch(["code"])
        pager = portal_pager(url="/my/documents", total=total, page=page, step=PAGE_SIZE)
        return {
            "document_lines": lines,
            "download_urls": {line.id: line._portal_download_url() for line in lines},
            "pager": pager,
            "page_name": "property_document",
            "default_url": "/my/documents",
        }

    @http.route(
        ["/my/documents", "/my/documents/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_documents(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_document_list_values(request.env, page=page))
        return request.render("property_butler_distribution.portal_my_documents", values)

    def _document_line_check(self, line_id):
        line = request.env["property.document.line"].browse(line_id).exists()
        if not line:
            raise MissingError(request.env._("This document does not exist."))
        line.check_access("read")
        if line.partner_id != request.env.user.partner_id:
            raise AccessError(request.env._("This document was not issued to you."))
        return line

    def _datetime_options(self, env):
        """QWeb ``t-options``: the language's date and HH:MM in the resident's time zone."""
        tz = env.user.tz if env.user.tz in pytz.all_timezones_set else DEFAULT_TZ
        lang = env["res.lang"]._get_data(code=env.lang or "en_US")
        pattern = posix_to_ldml(lang.date_format, locale=babel_locale_parse(lang.code))
        return {"widget": "datetime", "format": f"{pattern} HH:mm", "tz_name": tz}

    @http.route(["/my/documents/<int:line_id>"], type="http", auth="user", website=True)
    def portal_my_document(self, line_id, **kw):
        try:
            line = self._document_line_check(line_id)
        except (AccessError, MissingError):
            return request.redirect("/my/documents")
        line._mark_opened()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "document_line": line,
                "download_url": line._portal_download_url(),
                "date_options": self._datetime_options(request.env),
                "page_name": "property_document",
            }
        )
        return request.render("property_butler_distribution.portal_my_document", values)

    @http.route(["/my/documents/<int:line_id>/download"], type="http", auth="user", website=True)
    def portal_my_document_download(self, line_id, **kw):
        try:
            line = self._document_line_check(line_id)
        except (AccessError, MissingError):
            return request.redirect("/my/documents")
        line._mark_opened()
        # sudo: residents cannot read the issue's file or report; the copy is theirs.
        issue = line.issue_id.sudo()
        if issue.file:
            content = base64.b64decode(issue.file)
            filename = issue.file_name or issue.name
            mimetype = (
                request.env["ir.attachment"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", issue._name),
                        ("res_id", "=", issue.id),
                        ("res_field", "=", "file"),
                    ],
                    limit=1,
                )
                .mimetype
                or "application/octet-stream"
            )
        elif issue.report_id.model in REPORT_MODELS:
            report = issue.report_id
            # Only the recipient, the unit or the copy itself: never another model's records.
            records = {
                "res.partner": line.partner_id,
                "property.unit": line.unit_id,
                "property.document.line": line,
            }[report.model]
            content, _format = report._render_qweb_pdf(report.report_name, records.sudo().ids)
            filename = f"{issue.name}.pdf"
            mimetype = "application/pdf"
        else:
            return request.redirect(f"/my/documents/{line.id}")
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
