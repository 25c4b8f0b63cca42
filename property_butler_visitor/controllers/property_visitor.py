from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from ..models.property_visitor_pass import STAFF_GROUPS


class PropertyVisitorController(http.Controller):
    """Gate pages of guards and the front desk: type a pass's short code, or scan its QR code
    with the phone camera (which opens /property/visitor/pass/<token>), see whether it is valid
    now and record the entry or the exit.

    Everything runs as the user: ``property.visitor.pass._find_pass`` refuses anyone but the
    guards and front desk of the pass's company, and the record rules do the rest."""

    def _is_gate_user(self, env):
        return any(env.user.has_group(group) for group in STAFF_GROUPS)

    def _message(self, env, message, title=None, level="warning", status=200):
        return request.render(
            "property_butler_visitor.visitor_message_page",
            {"title": title or env._("Pass refused"), "message": message, "level": level},
            status=status,
        )

    def _forbidden(self, env):
        return self._message(
            env,
            env._("Only guards and the front desk can check visitor passes."),
            title=env._("No access"),
            level="danger",
            status=403,
        )

    @http.route("/property/visitor", type="http", auth="user", methods=["GET"], website=False)
    def visitor_home(self, code=None, **kwargs):
        env = request.env
        if not self._is_gate_user(env):
            return self._forbidden(env)
        if code:
            return request.redirect(f"/property/visitor/pass/{code.strip()}", code=303)
        return request.render("property_butler_visitor.visitor_gate_page", {})

    def _pass_page(self, env, visit_pass, code, error=None, done=None, status=200):
        return request.render(
            "property_butler_visitor.visitor_pass_check_page",
            {
                "visit_pass": visit_pass,
                "code": code,
                "refusal": visit_pass._refusal(),
                "error": error,
                "done": done,
                "tz_name": env.user.tz or DEFAULT_TZ,
            },
            status=status,
        )

    @http.route(
        "/property/visitor/pass/<string:code>",
        type="http",
        auth="user",
        methods=["GET"],
        website=False,
    )
    def visitor_pass(self, code, done=None, **kwargs):
        env = request.env
        if not self._is_gate_user(env):
            return self._forbidden(env)
        try:
            visit_pass = env["property.visitor.pass"]._find_pass(code)
        except (UserError, AccessError) as exc:
            return self._message(env, exc.args[0], status=404)
        return self._pass_page(env, visit_pass, code, done=done)

    @http.route(
        "/property/visitor/pass/<string:code>/<string:action>",
        type="http",
        auth="user",
        methods=["POST"],
        website=False,
    )
    def visitor_pass_record(self, code, action, **kwargs):
        env = request.env
        if not self._is_gate_user(env):
            return self._forbidden(env)
        try:
            visit_pass = env["property.visitor.pass"]._find_pass(code)
        except (UserError, AccessError) as exc:
            return self._message(env, exc.args[0], status=404)
        try:
            with env.cr.savepoint():
                if action == "entry":
                    visit_pass.action_check_in()
                elif action == "exit":
                    visit_pass.action_check_out()
                else:
                    raise UserError(env._("Unknown action."))
        except (UserError, AccessError) as exc:
            return self._pass_page(env, visit_pass, code, error=exc.args[0], status=422)
        return request.redirect(f"/property/visitor/pass/{code}?done={action}", code=303)
