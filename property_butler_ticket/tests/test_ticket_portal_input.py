import re
from unittest.mock import patch

import psycopg2

from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler_ticket.controllers.property_ticket_portal import (
    PropertyTicketPortal,
)

from odoo.addons.property_butler.models.ir_attachment import TICKET_ATTACHMENT_MAX_BYTES
from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_ticket import PDF, PNG, TicketPortalCase


@tagged("post_install", "-at_install")
class TestTicketPortalInput(PropertyHttpCase, TicketPortalCase):
    """Odd input on the ticket routes gets a clear message, never a server error, and
    nothing half-written."""

    def _portal_tickets(self):
        return self.env["property.ticket"].search(
            [("channel", "=", "portal"), ("unit_id", "in", (self.unit | self.unit_b).ids)]
        )

    # ------------------------------------------------------------------
    # Ratings
    # ------------------------------------------------------------------
    def test_rating_with_non_ascii_digits_is_refused_clearly(self):
        self._login(self.resident)
        for odd in ("²", "①", "٣", "５", "4.0", "-1", "05", "6"):
            response = self.url_open(
                f"/my/tickets/{self.t_done.id}/rate",
                data={
                    "csrf_token": http.Request.csrf_token(self),
                    "score_attitude": odd,
                    "score_quality": "5",
                    "score_timeliness": "5",
                    "score_etiquette": "5",
                },
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 200, odd)
            self.assertIn("Score each item with a whole number from 1 to 5", response.text, odd)
            self.assertEqual(self.callback.state, "scheduled", odd)
            self.assertFalse(self.callback.score_quality, odd)
        response = self.url_open(
            f"/my/tickets/{self.t_done.id}/rate",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "score_attitude": " 4 ",
                "score_quality": "5",
                "score_timeliness": "3",
                "score_etiquette": "5",
            },
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.callback.state, "done")
        self.assertEqual(self.callback.score_attitude, 4)

    # ------------------------------------------------------------------
    # Quotation lines
    # ------------------------------------------------------------------
    def test_quotation_line_without_ticket(self):
        Line = self.env["property.ticket.line"]
        for user in (self.resident, self.guard):
            with self.assertRaises(AccessError, msg=user.login):
                Line.with_user(user).create({})
        with self.assertRefused(ValidationError, "belongs to a ticket"):
            Line.with_user(self.butler).create({})
        product = self.env.ref("property_butler_ticket.product_home_cleaning")
        with self.assertRefused(ValidationError, "belongs to a ticket"):
            Line.with_user(self.butler).create(
                [{"ticket_id": self.t_service.id, "product_id": product.id}, {"quantity": 1}]
            )
        self.assertEqual(len(self.t_service.line_ids), 1, "nothing half-written")

    # ------------------------------------------------------------------
    # The new-ticket form sent twice
    # ------------------------------------------------------------------
    def _form_token(self):
        page = self.url_open("/my/tickets/new").text
        match = re.search(r'name="form_token" value="([0-9a-f]{32})"', page)
        self.assertTrue(match, "the form carries a one-time token")
        return match.group(1)

    def _send(self, form_token, title="Water on the bathroom floor"):
        return self.url_open(
            "/my/tickets/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "form_token": form_token,
                "title": title,
                "description": "It comes from under the bath.",
                "unit_id": self.unit.id,
                "ticket_type_id": self.repair_type.id,
            },
            files=[("photos", ("floor.png", PNG, "image/png"))],
            allow_redirects=False,
        )

    def test_form_sent_twice_creates_one_ticket(self):
        self._login(self.resident)
        token = self._form_token()
        self.assertNotEqual(token, self._form_token(), "a new token for each form")
        first = self._send(token)
        second = self._send(token)
        ticket = self._portal_tickets()
        self.assertEqual(len(ticket), 1)
        for response in (first, second):
            self.assertIn(response.status_code, (302, 303))
            self.assertIn(f"/my/tickets/{ticket.id}", response.headers["Location"])
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(len(photos), 1, "the photos once")
        # Another form is another request.
        self._send(self._form_token(), title="Second problem")
        self.assertEqual(len(self._portal_tickets()), 2)
        # Someone else's token creates nothing and opens nothing.
        self._login(self.neighbour)
        response = self.url_open(
            "/my/tickets/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "form_token": token,
                "title": "Reusing a token",
                "description": "Whose is it?",
                "unit_id": self.unit_b.id,
                "ticket_type_id": self.repair_type.id,
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("This request was already sent", response.text)
        self.assertNotIn(ticket.name, response.text)
        self.assertEqual(len(self._portal_tickets()), 2)
        # A malformed token is ignored (the request is still taken).
        self._login(self.resident)
        self._send("not-a-token", title="Third problem")
        self.assertEqual(len(self._portal_tickets()), 3)

    def test_form_sent_twice_at_once(self):
        """Two requests of the same form at the same moment: neither sees the other's ticket
        before creating its own; the unique token lets one through, the other says so."""
        self._login(self.resident)
        token = self._form_token()
        self._send(token)
        self.assertEqual(len(self._portal_tickets()), 1)
        with (
            patch.object(
                PropertyTicketPortal, "_ticket_sent_with", return_value=self.env["property.ticket"]
            ),
            mute_logger("odoo.sql_db"),
        ):
            response = self._send(token)
        self.assertEqual(response.status_code, 200)
        self.assertIn("This request was already sent", response.text)
        self.assertEqual(len(self._portal_tickets()), 1)
        # The constraint itself.
        ticket = self._portal_tickets()
        with self.assertRaises(psycopg2.errors.UniqueViolation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                ticket.copy({"portal_form_token": ticket.sudo().portal_form_token})

    # ------------------------------------------------------------------
    # Chatter uploads
    # ------------------------------------------------------------------
    def _upload(self, name, data, pending="true", ticket=None):
        return self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_model": "property.ticket",
                "thread_id": (ticket or self.t_own).id,
                "is_pending": pending,
            },
            files={"ufile": (name, data, "image/png")},
        )

    def _stored(self, name):
        return self.env["ir.attachment"].search([("name", "=", name)])

    def test_chatter_uploads_are_checked_on_arrival(self):
        self._login(self.resident)
        big = PNG + b"\0" * TICKET_ATTACHMENT_MAX_BYTES
        script = b"#!/bin/sh\necho hello\n"
        for pending in ("true", "false"):
            for name, data, message in (
                ("huge.png", big, "is too large"),
                ("script.png", script, "is not a photo or a PDF"),
                ("page.png", b"<html><script>alert(1)</script></html>", "is not a photo"),
            ):
                response = self._upload(name, data, pending)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.json().get("error", ""), name)
                self.assertFalse(self._stored(name), f"{name} is not stored ({pending})")
        for name, data in (("kitchen.png", PNG), ("invoice.pdf", PDF)):
            response = self._upload(name, data)
            self.assertNotIn("error", response.json(), name)
            self.assertEqual(len(self._stored(name)), 1, name)
        # Staff attach what they need.
        self.authenticate(self.butler.login, self.butler.login)
        response = self._upload("notes.txt", b"Plumber called at 10.")
        self.assertNotIn("error", response.json())
        self.assertEqual(len(self._stored("notes.txt")), 1)
