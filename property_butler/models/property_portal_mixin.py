from werkzeug.urls import url_encode

from odoo import api, models

# What Odoo's portal adds to a document's links so that they open it without logging in:
# the document's access token, the recipient's signed id (pid + hash: posting in the chatter as
# him) and a sign-up token (creating the recipient's account).
TOKEN_LINK_PARAMS = ("access_token", "pid", "hash", "auth_signup_token")


class PropertyPortalMixin(models.AbstractModel):
    """The product's portal documents (tickets): open to logged-in users through the record
    rules only.

    Odoo's portal lets whoever holds a document's access token, or a recipient's signed link,
    read and write its chatter through the mail routes (``/mail/chatter_fetch``,
    ``/mail/thread/data``, ``/mail/message/post``, ``/mail/attachment/upload``,
    ``/portal/chatter_init``...): they all ask ``_get_thread_with_access``. Here that check
    ignores tokens and hashes, and the links mailed in notifications carry none: residents log
    in, and moving out ends their access at once."""

    _name = "property.portal.mixin"
    _inherit = ["portal.mixin", "mail.thread"]
    _description = "Property Portal Document"

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # Only the user's own rights: no token, hash or pid (kwargs) opens the thread.
        return super()._get_thread_with_access(thread_id, mode)

    def _get_action_link_params(self, link_type, **kwargs):
        params = super()._get_action_link_params(link_type, **kwargs)
        for key in TOKEN_LINK_PARAMS:
            params.pop(key, None)
        return params

    def _get_share_url(self, redirect=False, signup_partner=False, pid=None, share_token=True):
        """The document's URL, which asks to log in: no token, signature or sign-up token."""
        self.ensure_one()
        if redirect:
            return f"/mail/view?{url_encode({'model': self._name, 'res_id': self.id})}"
        return self.access_url

    def get_portal_url(
        self, suffix=None, report_type=None, download=None, query_string=None, anchor=None
    ):
        self.ensure_one()
        params = {}
        if report_type:
            params["report_type"] = report_type
        if download:
            params["download"] = "true"
        query = url_encode(params)
        if query_string:
            query = f"{query}{query_string}" if query else query_string.lstrip("&")
        url = f"{self.access_url}{suffix or ''}"
        if query:
            url = f"{url}?{query}"
        return f"{url}#{anchor}" if anchor else url
