from datetime import datetime, timedelta

import pytz

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.property_butler_patrol.report.report_property_patrol_route_qr import qr_svg_src

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

MAX_TEXT = 500


class PropertyVisitorPortal(CustomerPortal):
    """Residents' visitor passes (/my/visitors) and goods release requests (/my/goods)."""

    def _visitor_domain(self):
        return [("host_partner_id", "=", request.env.user.partner_id.id)]

    def _resident_units(self):
        partner = request.env.user.partner_id
        occupancy_domain = [
            ("partner_id", "=", partner.id),
            *request.env["property.occupancy"]._current_domain(),
        ]
        Unit = request.env["property.unit"]
        if not Unit.has_access("read"):
            return Unit
        return Unit.search([("occupancy_ids", "any", occupancy_domain)])

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in (
            ("property_visitor_count", "property.visitor.pass"),
            ("property_goods_count", "property.goods.release"),
        ):
            if counter in counters:
                Model = request.env[model]
                domain = (
                    self._visitor_domain()
                    if model == "property.visitor.pass"
                    else [("partner_id", "=", request.env.user.partner_id.id)]
                )
                values[counter] = Model.search_count(domain) if Model.has_access("read") else 0
        return values

    def _tz(self):
        return pytz.timezone(request.env.user.tz or DEFAULT_TZ)

    def _parse_local(self, day, hour):
        """UTC naive datetime of a local date (YYYY-MM-DD) and time (HH:MM)."""
        try:
            local = datetime.strptime(f"{day} {hour}", "%Y-%m-%d %H:%M")
        except (TypeError, ValueError) as exc:
            raise UserError(request.env._("Give a valid date and time (HH:MM).")) from exc
        return self._tz().localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------
    # Visitor passes
    # ------------------------------------------------------------------
    @http.route(["/my/visitors"], type="http", auth="user", website=True)
    def portal_my_visitors(self, **kw):
        Pass = request.env["property.visitor.pass"]
        passes = Pass.search(self._visitor_domain(), limit=80) if Pass.has_access("read") else Pass
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "passes": passes,
                "units": self._resident_units(),
                "page_name": "property_visitor",
                "tz_name": request.env.user.tz or DEFAULT_TZ,
                "today": fields.Date.context_today(Pass).isoformat(),
            }
        )
        return request.render("property_butler_visitor.portal_my_visitors", values)

    @http.route(["/my/visitors/new"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_visitor_create(self, **form):
        env = request.env
        units = self._resident_units()
        unit = units.filtered(lambda u: str(u.id) == str(form.get("unit_id")))[:1]
        name = (form.get("name") or "").strip()[:MAX_TEXT]
        try:
            if not unit:
                raise UserError(env._("Choose one of your units."))
            if not name:
                raise UserError(env._("Give the visitor's name."))
            start = self._parse_local(form.get("date"), form.get("time_start") or "08:00")
            end_day = form.get("date_end") if form.get("kind") == "period" else form.get("date")
            end = self._parse_local(end_day or form.get("date"), form.get("time_end") or "22:00")
            vals = {
                "name": name,
                "project_id": unit.project_id.id,
                "unit_id": unit.id,
                "host_partner_id": env.user.partner_id.id,
                "kind": "period" if form.get("kind") == "period" else "once",
                "date_start": start,
                "date_end": end,
                "vehicle_plate": (form.get("vehicle_plate") or "").strip()[:20] or False,
                "visitor_phone": (form.get("visitor_phone") or "").strip()[:30] or False,
            }
            with env.cr.savepoint():
                # sudo: residents cannot create passes through the ORM; the unit is one of
                # theirs (read under their own record rules) and the host is themselves.
                visit_pass = env["property.visitor.pass"].sudo().create(vals)
        except (UserError, ValidationError) as exc:
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "passes": env["property.visitor.pass"].search(self._visitor_domain()),
                    "units": units,
                    "page_name": "property_visitor",
                    "tz_name": env.user.tz or DEFAULT_TZ,
                    "error": exc.args[0],
                    "form": form,
                    "today": fields.Date.context_today(env.user).isoformat(),
                }
            )
            return request.render("property_butler_visitor.portal_my_visitors", values, status=422)
        return request.redirect(f"/my/visitors/{visit_pass.id}", code=303)

    @http.route(["/my/visitors/<int:pass_id>"], type="http", auth="user", website=True)
    def portal_my_visitor(self, pass_id, **kw):
        try:
            visit_pass = self._document_check_access("property.visitor.pass", pass_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if visit_pass.host_partner_id != request.env.user.partner_id:
            return request.redirect("/my")
        # sudo: the one read of the pass's token, for its own host, to draw the QR code.
        token = visit_pass.sudo().token
        url = f"{visit_pass.get_base_url()}/property/visitor/pass/{token}"
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "visit_pass": visit_pass,
                "qr_image": qr_svg_src(url) if visit_pass.state in ("upcoming", "valid") else "",
                "page_name": "property_visitor",
                "tz_name": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return request.render("property_butler_visitor.portal_my_visitor", values)

    @http.route(
        ["/my/visitors/<int:pass_id>/revoke"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_visitor_revoke(self, pass_id, **kw):
        try:
            visit_pass = self._document_check_access("property.visitor.pass", pass_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if visit_pass.host_partner_id == request.env.user.partner_id:
            # sudo: residents have no write access; this pass is their own.
            visit_pass.sudo().action_revoke()
        return request.redirect(f"/my/visitors/{pass_id}", code=303)

    # ------------------------------------------------------------------
    # Goods release notes
    # ------------------------------------------------------------------
    @http.route(["/my/goods"], type="http", auth="user", methods=["GET"], website=True)
    def portal_my_goods(self, **kw):
        Note = request.env["property.goods.release"]
        notes = (
            Note.search([("partner_id", "=", request.env.user.partner_id.id)], limit=80)
            if Note.has_access("read")
            else Note
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "notes": notes,
                "units": self._resident_units(),
                "page_name": "property_goods",
                "today": fields.Date.context_today(Note).isoformat(),
                "tz_name": request.env.user.tz or DEFAULT_TZ,
            }
        )
        return request.render("property_butler_visitor.portal_my_goods", values)

    @http.route(["/my/goods"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_goods_create(self, **form):
        env = request.env
        units = self._resident_units()
        unit = units.filtered(lambda u: str(u.id) == str(form.get("unit_id")))[:1]
        items = (form.get("items") or "").strip()[:2000]
        error = None
        if not unit:
            error = env._("Choose one of your units.")
        elif not items:
            error = env._("List the items leaving the estate.")
        else:
            try:
                day = fields.Date.to_date(form.get("date"))
            except ValueError:
                day = None
            if not day or day < fields.Date.context_today(env.user) - timedelta(days=0):
                error = env._("Give a date from today on.")
        if error:
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "notes": env["property.goods.release"].search(
                        [("partner_id", "=", env.user.partner_id.id)]
                    ),
                    "units": units,
                    "page_name": "property_goods",
                    "error": error,
                    "form": form,
                    "today": fields.Date.context_today(env.user).isoformat(),
                    "tz_name": env.user.tz or DEFAULT_TZ,
                }
            )
            return request.render("property_butler_visitor.portal_my_goods", values, status=422)
        # sudo: residents cannot create notes through the ORM; the unit is theirs.
        env["property.goods.release"].sudo().create(
            {
                "project_id": unit.project_id.id,
                "unit_id": unit.id,
                "partner_id": env.user.partner_id.id,
                "date": day,
                "items": items,
                "vehicle_plate": (form.get("vehicle_plate") or "").strip()[:20] or False,
            }
        )
        return request.redirect("/my/goods", code=303)
