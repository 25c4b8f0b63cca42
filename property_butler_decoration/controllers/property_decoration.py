from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from ..models.property_decoration_worker import GATE_GROUPS


class PropertyDecorationController(http.Controller):
    """The page a guard's phone opens when scanning a worker pass's QR code
    (/property/decoration/pass/<token>): the worker's photo and whether the pass is valid now,
    with a button to confiscate it.

    Everything runs as the user: ``property.decoration.worker._find_pass`` refuses anyone but
    the guards and front desk of the worker's company, and the record rules do the rest."""

    def _message(self, env, message, status):
        return request.render(
            "property_butler_decoration.decoration_pass_message_page",
            {"title": env._("Pass refused"), "message": message},
            status=status,
        )

    def _find(self, env, token):
        if not any(env.user.has_group(group) for group in GATE_GROUPS):
            raise AccessError(
                env._("Only guards and the front desk can check decoration worker passes.")
            )
        return env["property.decoration.worker"]._find_pass(token)

    def _find_or_refuse(self, env, token):
        """The worker of the pass and no page, or no worker and the refusal page (403 for
        someone who may not check passes, 404 for an unknown token)."""
        try:
            return self._find(env, token), None
        except AccessError as exc:
            return None, self._message(env, exc.args[0], 403)
        except UserError as exc:
            return None, self._message(env, exc.args[0], 404)

    @http.route(
        "/property/decoration/pass/<string:token>",
        type="http",
        auth="user",
        methods=["GET"],
        website=False,
    )
    def decoration_pass(self, token, done=None, **kwargs):
        env = request.env
        worker, refused = self._find_or_refuse(env, token)
        if refused:
            return refused
        return request.render(
            "property_butler_decoration.decoration_pass_check_page",
            {"worker": worker, "token": token, "refusal": worker._refusal(), "done": done},
        )

    @http.route(
        "/property/decoration/pass/<string:token>/confiscate",
        type="http",
        auth="user",
        methods=["POST"],
        website=False,
    )
    def decoration_pass_confiscate(self, token, reason=None, **kwargs):
        env = request.env
        worker, refused = self._find_or_refuse(env, token)
        if refused:
            return refused
        reasons = {
            "expired": env._("expired"),
            "holder": env._("held by another person"),
        }
        worker._confiscate(reasons.get(reason, reasons["holder"]))
        return request.redirect(f"/property/decoration/pass/{token}?done=1", code=303)
