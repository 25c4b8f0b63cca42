from datetime import datetime, timedelta
from urllib.parse import quote

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

    def _default_visit_day(self):
        """The day the new-pass form offers: today, or tomorrow once it is too late for a
        visit today (the default pass ends at 22:00: from 21:00 on, a visitor is for tomorrow)."""
        now = datetime.now(pytz.utc).astimezone(self._tz())
        day = now.date() + timedelta(days=1) if now.hour >= 21 else now.date()
        return day.isoformat()

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
                "today": self._default_visit_day(),
            }
        )
        return request.render("property_butler_visitor.portal_my_visitors", values)

    def _pass_form_values(self, form):
        """The pass's values from the portal form (new or edit); a clear error otherwise."""
        env = request.env
        name = (form.get("name") or "").strip()[:MAX_TEXT]
        if not name:
            raise UserError(env._("Give the visitor's name."))
        start = self._parse_local(form.get("date"), form.get("time_start") or "08:00")
        end_day = form.get("date_end") if form.get("kind") == "period" else form.get("date")
        end = self._parse_local(end_day or form.get("date"), form.get("time_end") or "22:00")
        return {
            "name": name,
            "kind": "period" if form.get("kind") == "period" else "once",
            "date_start": start,
            "date_end": end,
            "vehicle_plate": (form.get("vehicle_plate") or "").strip()[:20] or False,
            "visitor_phone": (form.get("visitor_phone") or "").strip()[:30] or False,
        }

    def _render_visitors(self, units, form=None, error=None, status=200):
        env = request.env
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "passes": env["property.visitor.pass"].search(self._visitor_domain(), limit=80),
                "units": units,
                "page_name": "property_visitor",
                "tz_name": env.user.tz or DEFAULT_TZ,
                "error": error,
                "form": form,
                "today": self._default_visit_day(),
            }
        )
        return request.render("property_butler_visitor.portal_my_visitors", values, status=status)

    @http.route(["/my/visitors/new"], type="http", auth="user", methods=["POST"], website=True)
    def portal_my_visitor_create(self, **form):
        env = request.env
        units = self._resident_units()
        unit = units.filtered(lambda u: str(u.id) == str(form.get("unit_id")))[:1]
        try:
            if not unit:
                raise UserError(env._("Choose one of your units."))
            vals = {
                **self._pass_form_values(form),
                "project_id": unit.project_id.id,
                "unit_id": unit.id,
                "host_partner_id": env.user.partner_id.id,
            }
            with env.cr.savepoint():
                # sudo: residents cannot create passes through the ORM; the unit is one of
                # theirs (read under their own record rules) and the host is themselves.
                visit_pass = env["property.visitor.pass"].sudo().create(vals)
        except (UserError, ValidationError) as exc:
            return self._render_visitors(units, form=form, error=exc.args[0], status=422)
        return request.redirect(f"/my/visitors/{visit_pass.id}", code=303)

    def _own_pass(self, pass_id):
        """The user's own pass, or None."""
        try:
            visit_pass = self._document_check_access("property.visitor.pass", pass_id)
        except (AccessError, MissingError):
            return None
        if visit_pass.host_partner_id != request.env.user.partner_id:
            return None
        return visit_pass

    def _pass_form(self, visit_pass):
        """The edit form's values of a pass, in the resident's time zone."""
        tz = self._tz()

        def local(value):
            return pytz.utc.localize(value).astimezone(tz)

        start, end = local(visit_pass.date_start), local(visit_pass.date_end)
        return {
            "name": visit_pass.name,
            "visitor_phone": visit_pass.visitor_phone or "",
            "kind": visit_pass.kind,
            "date": start.date().isoformat(),
            "time_start": start.strftime("%H:%M"),
            "time_end": end.strftime("%H:%M"),
            "date_end": end.date().isoformat() if visit_pass.kind == "period" else "",
            "vehicle_plate": visit_pass.vehicle_plate or "",
        }

    @http.route(
        ["/my/visitors/<int:pass_id>/edit"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_visitor_edit(self, pass_id, **form):
        """Change a pass not used up yet (the visitor's name, phone, times, vehicle); the QR
        code and the short code stay the same."""
        env = request.env
        visit_pass = self._own_pass(pass_id)
        if visit_pass is None:
            return request.redirect("/my")
        if visit_pass.state not in ("upcoming", "valid"):
            return request.redirect(f"/my/visitors/{pass_id}", code=303)
        if visit_pass.unit_id not in self._resident_units():
            # Moved out: the pass may still be revoked, no longer changed.
            return request.redirect(f"/my/visitors/{pass_id}", code=303)
        error = None
        if request.httprequest.method == "POST":
            try:
                vals = self._pass_form_values(form)
                with env.cr.savepoint():
                    # sudo: residents have no write access; this pass is their own.
                    visit_pass.sudo().write(vals)
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
            else:
                return request.redirect(f"/my/visitors/{pass_id}", code=303)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "visit_pass": visit_pass,
                "form": form if error else self._pass_form(visit_pass),
                "error": error,
                "page_name": "property_visitor",
            }
        )
        return request.render(
            "property_butler_visitor.portal_my_visitor_edit", values, status=422 if error else 200
        )

    @http.route(["/my/visitors/<int:pass_id>"], type="http", auth="user", website=True)
    def portal_my_visitor(self, pass_id, **kw):
        visit_pass = self._own_pass(pass_id)
        if visit_pass is None:
            return request.redirect("/my")
        # sudo: the one read of the pass's token, for its own host, to draw the QR code.
        token = visit_pass.sudo().token
        url = f"{visit_pass.get_base_url()}/property/visitor/pass/{token}"
        share_text = self._share_text(visit_pass)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "visit_pass": visit_pass,
                "qr_image": qr_svg_src(url) if visit_pass.state in ("upcoming", "valid") else "",
                "page_name": "property_visitor",
                "tz_name": request.env.user.tz or DEFAULT_TZ,
                "share_text": share_text,
                "share_sms_url": f"sms:{quote(visit_pass.visitor_phone or '')}?&body={quote(share_text)}",
                "share_mail_url": (
                    f"mailto:?subject={quote(visit_pass.project_id.name)}&body={quote(share_text)}"
                ),
            }
        )
        return request.render("property_butler_visitor.portal_my_visitor", values)

    def _share_text(self, visit_pass):
        """The message the resident sends the visitor (SMS or e-mail from the phone)."""
        tz = self._tz()
        # The resident's language's date (e.g. 2026年12月03日, 12/03/2026), then HH:MM.
        lang = request.env["res.lang"]._get_data(code=request.env.lang or "en_US")
        pattern = f"{lang.date_format or '%Y-%m-%d'} %H:%M"

        def local(value):
            return pytz.utc.localize(value).astimezone(tz).strftime(pattern)

        return request.env._(
            "%(project)s visitor pass for %(name)s, %(start)s – %(end)s: show the code "
            "%(code)s to the guard at the gate (unit %(unit)s).",
            project=visit_pass.project_id.name,
            name=visit_pass.name,
            start=local(visit_pass.date_start),
            end=local(visit_pass.date_end),
            code=visit_pass.short_code,
            unit=visit_pass.unit_id.code,
        )

    @http.route(
        ["/my/visitors/<int:pass_id>/revoke"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_visitor_revoke(self, pass_id, **kw):
        visit_pass = self._own_pass(pass_id)
        if visit_pass is None:
            return request.redirect("/my")
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
