from odoo.http import request

from odoo.addons.portal.controllers.mail import MailController


class PropertyMailController(MailController):
    """``/mail/view`` links to the product's portal documents ask to log in: a token, a
    signature (pid/hash) or a sign-up token in the link (old or forwarded e-mails) opens
    nothing and is not carried over to the document's page."""

    @classmethod
    def _redirect_to_record(cls, model, res_id, access_token=None, **kwargs):
        if (
            model
            and model in request.env
            and isinstance(request.env[model], request.env.registry["property.portal.mixin"])
        ):
            access_token = None
            for key in ("pid", "hash", "auth_signup_token"):
                kwargs.pop(key, None)
        return super()._redirect_to_record(model, res_id, access_token=access_token, **kwargs)
