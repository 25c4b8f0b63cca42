from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.mail.models.discuss.mail_guest import add_guest_to_context
from odoo.addons.portal.controllers.mail import MailController

from ..models.ir_attachment import TICKET_ATTACHMENT_MAX_BYTES, resident_attachment_error


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


class PropertyAttachmentController(AttachmentController):
    """Residents' chatter uploads on the product's records are checked when they arrive,
    like the portal form's photos: pending uploads (``is_pending``, not yet linked to the
    record) would otherwise be stored whatever their type and size."""

    @http.route()
    @add_guest_to_context
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        if (
            request.env.user.share
            and thread_model in request.env
            and request.env[thread_model]._original_module.startswith("property_butler")
        ):
            Thread = request.env[thread_model]
            if not Thread._get_thread_with_access(
                int(thread_id), mode=Thread._mail_post_access, **kwargs
            ):
                raise NotFound()
            # At most one byte more than allowed is read: enough to refuse a large file.
            raw = ufile.read(TICKET_ATTACHMENT_MAX_BYTES + 1)
            error = resident_attachment_error(request.env, ufile.filename, raw)
            if error:
                return request.make_json_response({"error": error})
            ufile.seek(0)
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )
