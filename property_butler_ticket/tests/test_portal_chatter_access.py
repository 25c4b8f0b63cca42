import json

from odoo import http
from odoo.tests import JsonRpcException, tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_ticket import PNG, TicketPortalCase


@tagged("post_install", "-at_install")
class TestTicketChatterAccess(PropertyHttpCase, TicketPortalCase):
    """A ticket's access token, or a recipient's signed link (pid + hash), opens none of Odoo's
    mail routes: only a logged-in user whom the record rules let read the ticket gets in.

    Each route is called anonymously and as two logged-in residents who may not read the ticket
    (the neighbour, the former tenant of another unit), all three with the ticket's own token
    and the resident's signature, and then as the resident himself."""

    MESSAGE = "The plumber comes at three."

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.t_own
        cls.token = cls.ticket._portal_ensure_token()
        cls.signature = {"pid": cls.owner.id, "hash": cls.ticket._sign_token(cls.owner.id)}
        cls.message = cls.ticket.message_post(
            body=cls.MESSAGE, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _as(self, who):
        if who is None:
            self.authenticate(None, None)
        else:
            self._login(who)

    def _intruders(self):
        return (None, self.neighbour, self.former_tenant)

    def _credentials(self):
        """The ticket's own token and the resident's signed link, as in a forwarded e-mail."""
        return [
            {"token": self.token},
            dict(self.signature),
            {"token": self.token, **self.signature},
        ]

    def _intrusions(self, *more_credentials):
        """Each intruder in turn (anonymous, then logged in), with each of the credentials:
        (credentials, context for the assertions' messages) of each attempt."""
        for who in self._intruders():
            self._as(who)
            for credentials in [*self._credentials(), *more_credentials]:
                yield credentials, f"{who and who.login}: {credentials}"

    def _call(self, route, params):
        """(result, error name): a refused call answers a JSON-RPC error, never a 500."""
        try:
            return self.make_jsonrpc_request(route, params), None
        except JsonRpcException as error:
            return None, str(error)

    def _thread_entry(self, result):
        return next(
            (
                entry
                for entry in (result or {}).get("mail.thread", [])
                if entry.get("model") == "property.ticket" and entry.get("id") == self.ticket.id
            ),
            {},
        )

    def _assert_nothing_leaked(self, payload, context):
        text = json.dumps(payload or {}, default=str)
        for secret in (self.MESSAGE, self.owner.email, self.owner.phone, self.ticket.title):
            self.assertNotIn(secret, text, context)

    def _messages(self):
        return self.env["mail.message"].search(
            [("model", "=", "property.ticket"), ("res_id", "=", self.ticket.id)]
        )

    def _attachments(self):
        return self.env["ir.attachment"].search([("name", "=", "intruder.png")])

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    def test_chatter_init(self):
        route = "/portal/chatter_init"
        base = {"thread_model": "property.ticket", "thread_id": self.ticket.id}
        for credentials, context in self._intrusions():
            result, error = self._call(route, {**base, **credentials})
            self.assertFalse(error, context)
            entry = self._thread_entry(result)
            self.assertFalse(entry.get("hasReadAccess"), context)
            self.assertFalse(entry.get("can_react"), context)
            self.assertNotIn("portal_partner", entry, context)
            self._assert_nothing_leaked(result, context)
        self._as(self.resident)
        result, error = self._call(route, base)
        self.assertFalse(error)
        entry = self._thread_entry(result)
        self.assertTrue(entry["hasReadAccess"])
        self.assertTrue(entry["can_react"], "the resident may write on his ticket")

    def test_chatter_fetch(self):
        route = "/mail/chatter_fetch"
        base = {"thread_model": "property.ticket", "thread_id": self.ticket.id}
        for credentials, context in self._intrusions({}):
            result, error = self._call(route, {**base, **credentials})
            if error is None:
                self.assertFalse(result["messages"], context)
            self._assert_nothing_leaked(result, context)
            if credentials == {"token": self.token}:
                self.assertIn("Forbidden", error, "a token is refused outright")
        self._as(self.resident)
        result, error = self._call(route, base)
        self.assertFalse(error)
        self.assertIn(self.message.id, result["messages"])
        self.assertIn(self.MESSAGE, json.dumps(result["data"]))

    def test_thread_data_followers_and_activities(self):
        route = "/mail/thread/data"
        base = {
            "thread_model": "property.ticket",
            "thread_id": self.ticket.id,
            "request_list": ["followers", "activities", "attachments", "suggestedRecipients"],
        }
        for credentials, context in self._intrusions():
            result, error = self._call(route, {**base, **credentials})
            self.assertFalse(error, context)
            entry = self._thread_entry(result)
            self.assertIs(entry.get("hasReadAccess"), False, context)
            self.assertNotIn("followers", entry, context)
            self.assertNotIn("res.partner", result, context)
            self._assert_nothing_leaked(result, context)
        # The resident may read his ticket (the back-office lists are staff's).
        self._as(self.resident)
        result, error = self._call(route, {**base, "request_list": []})
        self.assertFalse(error)
        self.assertTrue(self._thread_entry(result)["hasReadAccess"])

    def test_thread_messages(self):
        route = "/mail/thread/messages"
        base = {"thread_model": "property.ticket", "thread_id": self.ticket.id}
        self._as(None)
        _result, error = self._call(route, {**base, "token": self.token})
        self.assertIn("SessionExpired", error, "logged-in users only")
        for who in (self.neighbour, self.former_tenant):
            self._as(who)
            result, error = self._call(route, base)
            self.assertFalse(error)
            self.assertFalse(result["messages"], who.login)
            self._assert_nothing_leaked(result, who.login)
        self._as(self.resident)
        result, error = self._call(route, base)
        self.assertIn(self.message.id, result["messages"])

    def test_message_post(self):
        route = "/mail/message/post"
        before = self._messages()
        for credentials, context in self._intrusions():
            params = {
                "thread_model": "property.ticket",
                "thread_id": self.ticket.id,
                "post_data": {"body": "Posted by an intruder", "message_type": "comment"},
                **credentials,
            }
            _result, error = self._call(route, params)
            self.assertIn("NotFound", error or "", context)
        self.assertEqual(self._messages(), before, "nothing was posted")
        self._as(self.resident)
        result, error = self._call(
            route,
            {
                "thread_model": "property.ticket",
                "thread_id": self.ticket.id,
                "post_data": {"body": "Thank you, I will be at home.", "message_type": "comment"},
            },
        )
        self.assertFalse(error)
        posted = self._messages() - before
        self.assertEqual(len(posted), 1)
        self.assertEqual(posted.author_id, self.owner)
        self.assertIn("I will be at home", str(posted.body))
        self.assertTrue(result)

    def test_attachment_upload(self):
        def upload(filename, **data):
            return self.url_open(
                "/mail/attachment/upload",
                data={
                    "csrf_token": http.Request.csrf_token(self),
                    "thread_model": "property.ticket",
                    "thread_id": self.ticket.id,
                    **data,
                },
                files={"ufile": (filename, PNG, "image/png")},
            )

        for credentials, context in self._intrusions():
            for pending in ("true", "false"):
                response = upload("intruder.png", is_pending=pending, **credentials)
                self.assertEqual(response.status_code, 404, context)
        self.assertFalse(self._attachments(), "nothing was stored")
        self._as(self.resident)
        response = upload("kitchen.png", is_pending="true")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.json())
        uploaded = self.env["ir.attachment"].search([("name", "=", "kitchen.png")])
        self.assertEqual(len(uploaded), 1)
        self.assertEqual(uploaded.create_uid, self.resident)

    def test_message_reaction_and_avatar(self):
        for credentials, context in self._intrusions():
            _result, error = self._call(
                "/mail/message/reaction",
                {"message_id": self.message.id, "content": "👍", "action": "add", **credentials},
            )
            self.assertIn("NotFound", error or "", context)
        self.assertFalse(self.message.reaction_ids)
        # The author's avatar of a ticket message: the placeholder for a token.
        placeholder = self.url_open(
            f"/mail/avatar/mail.message/{self.message.id}/author_avatar/50x50"
        ).content
        self._as(None)
        for query in (
            f"access_token={self.token}",
            "_hash={hash}&pid={pid}".format(**self.signature),
        ):
            response = self.url_open(
                f"/mail/avatar/mail.message/{self.message.id}/author_avatar/50x50?{query}"
            )
            self.assertEqual(response.content, placeholder, query)
        self._as(self.resident)
        _result, error = self._call(
            "/mail/message/reaction",
            {"message_id": self.message.id, "content": "👍", "action": "add"},
        )
        self.assertFalse(error)
        self.assertEqual(self.message.reaction_ids.partner_id, self.owner)

    def test_mail_view_link_with_token_asks_to_log_in(self):
        url = (
            f"/mail/view?model=property.ticket&res_id={self.ticket.id}&access_token={self.token}"
            "&pid={pid}&hash={hash}".format(**self.signature)
        )
        self._as(None)
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        location = response.headers["Location"]
        self.assertIn("/web/login", location)
        # Once logged in, the resident lands on his ticket page (no token in the address).
        self._as(self.resident)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/my/tickets/{self.ticket.id}", response.url)
        self.assertNotIn("access_token", response.url)
        self.assertIn(self.ticket.title, response.text)

    # ------------------------------------------------------------------
    # Links sent to residents
    # ------------------------------------------------------------------
    def test_notification_links_require_login(self):
        self.owner.email = "wang.fang@example.com"
        notice = self.ticket.with_context(mail_notify_force_send=False).message_post(
            body="Your repair is scheduled for tomorrow.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.owner.ids,
        )
        mails = self.env["mail.mail"].search([("mail_message_id", "=", notice.id)])
        mail = mails.filtered(lambda m: self.owner in m.recipient_ids)
        self.assertTrue(mail, "the resident is notified by e-mail")
        body = str(mail.body_html)
        for secret in ("access_token", "hash=", "pid=", "auth_signup_token", self.token):
            self.assertNotIn(secret, body)
        self.assertRegex(
            body,
            rf'href="[^"]*/mail/view\?[^"]*model=property\.ticket&amp;res_id={self.ticket.id}"',
            "a link to the ticket, which asks to log in",
        )
        # The ticket's own URLs carry no token either.
        self.assertEqual(self.ticket.get_portal_url(), f"/my/tickets/{self.ticket.id}")
        self.assertNotIn("access_token", self.ticket._get_share_url(redirect=True, pid=1))
        self.assertEqual(
            self.ticket.with_user(self.resident)._get_access_action()["url"],
            f"/my/tickets/{self.ticket.id}",
        )
