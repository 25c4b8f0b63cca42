from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command, http
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_butler_ticket.controllers.property_ticket_portal import (
    MAX_PHOTO_SIZE,
    PropertyTicketPortal,
)

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_ticket import PDF, PNG, TicketPortalCase

# The start of an iPhone HEIC photo (ISO base media file, brand "heic").
HEIC_HEADER = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"


@tagged("post_install", "-at_install")
class TestTicketPortal(PropertyHttpCase, TicketPortalCase):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _assert_redirected_away(self, response, where="/my"):
        self.assertIn(response.status_code, (302, 303), response.url)
        self.assertIn(where, response.headers["Location"])

    def _post_new(self, files=None, **data):
        values = {
            "csrf_token": http.Request.csrf_token(self),
            "title": "Water on the bathroom floor",
            "description": "It comes from under the bath.\nSince this morning.",
            "unit_id": self.unit.id,
            "ticket_type_id": self.repair_type.id,
            **data,
        }
        return self.url_open(
            "/my/tickets/new", data=values, files=files or [], allow_redirects=False
        )

    def _portal_tickets(self):
        """Tickets submitted from the portal on this test's units."""
        units = self.unit | self.unit2 | self.unit_b
        return self.env["property.ticket"].search(
            [("channel", "=", "portal"), ("unit_id", "in", units.ids)]
        )

    def _post_rating(self, ticket, **data):
        return self.url_open(
            f"/my/tickets/{ticket.id}/rate",
            data={"csrf_token": http.Request.csrf_token(self), **data},
            allow_redirects=False,
        )

    # ------------------------------------------------------------------
    # Listing and reading
    # ------------------------------------------------------------------
    def test_list_shows_the_units_tickets_only(self):
        for user in (self.resident, self.household):
            self._login(user)
            response = self.url_open("/my/tickets")
            self.assertEqual(response.status_code, 200)
            for ticket in (self.t_own, self.t_member, self.t_service, self.t_done):
                self.assertIn(ticket.name, response.text, f"{user.login}: {ticket.title}")
            self.assertNotIn(self.t_neighbour.name, response.text, "a neighbour's ticket")
            self.assertNotIn(self.t_neighbour.title, response.text)
            self.assertIn("3-2-1502", response.text)
        closed = self.url_open("/my/tickets?filterby=closed")
        self.assertIn(self.t_done.name, closed.text)
        self.assertNotIn(self.t_own.name, closed.text)
        opened = self.url_open("/my/tickets?filterby=open&sortby=stage")
        self.assertIn(self.t_own.name, opened.text)
        self.assertNotIn(self.t_done.name, opened.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_ticket_count"]}
        )
        self.assertEqual(counters["property_ticket_count"], 4)
        self.assertIn("/my/tickets", self.url_open("/my/home").text)

        self._login(self.neighbour)
        listing = self.url_open("/my/tickets")
        self.assertIn(self.t_neighbour.name, listing.text)
        for ticket in (self.t_own, self.t_member, self.t_service, self.t_done):
            self.assertNotIn(ticket.name, listing.text)
        self._login(self.former_tenant)
        listing = self.url_open("/my/tickets")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("There are no tickets", listing.text)

    def test_detail_of_own_and_household_ticket(self):
        self._login(self.resident)
        response = self.url_open(f"/my/tickets/{self.t_member.id}")
        self.assertEqual(response.status_code, 200, "a household member's ticket")
        self.assertIn("Visitor parking rules", response.text)
        self.assertIn("o_portal_chatter", response.text, "the chatter follows the ticket")
        detail = self.url_open(f"/my/tickets/{self.t_service.id}")
        self.assertIn("Accept the Quotation", detail.text)
        self.assertIn("Total", detail.text)
        own = self.url_open(f"/my/tickets/{self.t_own.id}")
        self.assertIn("Engineering", own.text, "the department in charge")
        self.assertNotIn("Accept the Quotation", own.text)

    def test_other_residents_tickets_are_out_of_reach(self):
        self._login(self.resident)
        for ticket_id in (self.t_neighbour.id, 999999):
            response = self.url_open(f"/my/tickets/{ticket_id}", allow_redirects=False)
            self._assert_redirected_away(response)
            self.assertTrue(response.headers["Location"].endswith("/my"))
        self._login(self.former_tenant)
        response = self.url_open(f"/my/tickets/{self.t_own.id}", allow_redirects=False)
        self._assert_redirected_away(response)
        # Acting on a neighbour's ticket is refused the same way, and changes nothing.
        self._login(self.neighbour)
        csrf = http.Request.csrf_token(self)
        response = self.url_open(
            f"/my/tickets/{self.t_service.id}/accept",
            data={"csrf_token": csrf},
            allow_redirects=False,
        )
        self._assert_redirected_away(response)
        response = self._post_rating(
            self.t_done,
            score_attitude=5,
            score_quality=5,
            score_timeliness=5,
            score_etiquette=5,
        )
        self._assert_redirected_away(response)
        self.assertEqual(self.t_service.quotation_state, "sent")
        self.assertEqual(self.callback.state, "scheduled")

    def test_access_tokens(self):
        """Tickets open through the record rules only: no token, not even the ticket's own one
        (a forwarded e-mail link), opens it for another resident or an anonymous visitor."""
        own_token = self.t_own._portal_ensure_token()
        neighbour_token = self.t_neighbour._portal_ensure_token()
        url = f"/my/tickets/{self.t_neighbour.id}"
        self._login(self.resident)
        for token in (neighbour_token, own_token, "0" * 36, "", neighbour_token[:-1]):
            response = self.url_open(f"{url}?access_token={token}", allow_redirects=False)
            self._assert_redirected_away(response)
        # Their own ticket opens, with or without a token.
        response = self.url_open(f"/my/tickets/{self.t_own.id}?access_token={own_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.t_own.title, response.text)

        self.authenticate(None, None)
        for token in (neighbour_token, own_token, "0" * 36, "", None):
            query = f"?access_token={token}" if token is not None else ""
            response = self.url_open(f"{url}{query}", allow_redirects=False)
            self._assert_redirected_away(response, "/web/login")
        # Actions with the ticket's own token, anonymously: login first, nothing changes.
        service_token = self.t_service._portal_ensure_token()
        for action in ("accept", "rate"):
            response = self.url_open(
                f"/my/tickets/{self.t_service.id}/{action}",
                data={"csrf_token": http.Request.csrf_token(self), "access_token": service_token},
                allow_redirects=False,
            )
            self._assert_redirected_away(response, "/web/login")
        self.assertEqual(self.t_service.quotation_state, "sent")

    def test_moved_out_resident_loses_access(self):
        self._login(self.resident)
        self.assertEqual(self.url_open(f"/my/tickets/{self.t_own.id}").status_code, 200)
        token = self.t_own._portal_ensure_token()
        occupancy = self.unit.occupancy_ids.filtered(lambda o: o.partner_id == self.owner)
        occupancy.write({"date_end": date.today() - timedelta(days=1)})
        self.assertNotIn(self.owner, self.t_own.message_partner_ids, "no more notifications")
        self.assertNotEqual(self.t_own.access_token, token, "the e-mailed links stop working")
        response = self.url_open(f"/my/tickets/{self.t_own.id}", allow_redirects=False)
        self._assert_redirected_away(response)

    def test_anonymous_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        for url in ("/my/tickets", "/my/tickets/new", "/my/tickets/page/2"):
            response = self.url_open(url, allow_redirects=False)
            self._assert_redirected_away(response, "/web/login")
        response = self.url_open(f"/my/tickets/{self.t_own.id}")
        self.assertIn("/web/login", response.url, "through /my")
        response = self.url_open(
            "/my/tickets/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "title": "Anonymous",
                "description": "Spam",
                "unit_id": self.unit.id,
                "ticket_type_id": self.repair_type.id,
            },
            allow_redirects=False,
        )
        self._assert_redirected_away(response, "/web/login")
        self.assertFalse(self._portal_tickets())

    def test_attachments_of_other_tickets(self):
        photo = self.neighbour_photo
        for login in (self.resident, None):
            if login:
                self._login(login)
            else:
                self.authenticate(None, None)
            for query in ("", "?access_token=wrong", f"?access_token={self.t_own.id}"):
                url = f"/web/content/{photo.id}{query}"
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotEqual(response.content, PNG, url)
                # /web/image answers a placeholder picture instead of an error.
                url = f"/web/image/{photo.id}{query}"
                response = self.url_open(url, allow_redirects=False)
                self.assertNotEqual(response.content, PNG, url)
                self.assertNotIn("noise.png", response.headers.get("Content-Disposition", ""))
            # The ticket's own photo route, with the neighbour's ticket and photo ids.
            for url in (
                f"/my/tickets/{self.t_neighbour.id}/photos/{photo.id}",
                f"/my/tickets/{self.t_own.id}/photos/{photo.id}",
            ):
                response = self.url_open(url, allow_redirects=False)
                self.assertNotEqual(response.content, PNG, url)
                self.assertIn(response.status_code, (303, 404) if not login else (404,), url)
        # The neighbour sees his own photo on his ticket page, through the ticket's photo route.
        self._login(self.neighbour)
        page = self.url_open(f"/my/tickets/{self.t_neighbour.id}")
        self.assertIn(f"/my/tickets/{self.t_neighbour.id}/photos/{photo.id}/thumb", page.text)
        response = self.url_open(f"/my/tickets/{self.t_neighbour.id}/photos/{photo.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PNG)

    # ------------------------------------------------------------------
    # Submitting a ticket
    # ------------------------------------------------------------------
    def test_new_ticket_form_offers_own_units_and_resident_types(self):
        self._login(self.resident)
        response = self.url_open("/my/tickets/new")
        self.assertEqual(response.status_code, 200)
        self.assertIn("3-2-1502", response.text)
        self.assertNotIn("3-5-301", response.text)
        self.assertNotIn("3-2-1501", response.text)
        self.assertIn(f'value="{self.repair_type.id}"', response.text)
        self.assertIn('name="photos"', response.text)
        self.assertIn('enctype="multipart/form-data"', response.text)

    def test_create_ticket_with_photos(self):
        self._login(self.household)
        response = self._post_new(
            files=[
                ("photos", ("floor.png", PNG, "image/png")),
                ("photos", ("IMG_0001.HEIC", HEIC_HEADER + b"\0" * 64, "application/octet-stream")),
            ],
            description="It comes from under the bath.\n<script>alert(1)</script>",
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        ticket = self._portal_tickets()
        self.assertEqual(len(ticket), 1)
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/tickets/{ticket.id}?message=created")
        )
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(ticket.partner_id, self.member)
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(ticket.company_id, self.unit.company_id)
        self.assertEqual(ticket.ticket_type_id, self.repair_type)
        self.assertEqual(ticket.title, "Water on the bathroom floor")
        self.assertEqual(ticket.stage_id.category, "new")
        self.assertNotIn("<script>", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description)
        self.assertIn(self.member, ticket.message_partner_ids, "the resident follows it")
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)], order="id"
        )
        self.assertEqual(attachments.mapped("name"), ["floor.png", "IMG_0001.HEIC"])
        self.assertEqual(attachments.mapped("mimetype"), ["image/png", "image/heic"])
        page = self.url_open(response.headers["Location"])
        self.assertIn("your request was sent", page.text)
        self.assertIn("floor.png", page.text)
        # The owner of the same unit follows it too; the neighbour does not see it.
        self._login(self.resident)
        self.assertIn(ticket.name, self.url_open("/my/tickets").text)
        self._login(self.neighbour)
        self._assert_redirected_away(
            self.url_open(f"/my/tickets/{ticket.id}", allow_redirects=False)
        )

    def test_bad_input_is_refused_and_nothing_is_saved(self):
        self._login(self.resident)
        too_large = PNG + b"\0" * (MAX_PHOTO_SIZE + 1 - len(PNG))
        cases = [
            ({"description": "  \n "}, None, "the description cannot be empty"),
            ({"title": " "}, None, "the subject cannot be empty"),
            ({"unit_id": self.unit_b.id}, None, "Choose one of the units you live in"),
            ({"unit_id": self.unit2.id}, None, "Choose one of the units you live in"),
            ({"unit_id": "abc"}, None, "Choose one of the units you live in"),
            ({"unit_id": "99999999999"}, None, "Choose one of the units you live in"),
            ({"title": "x" * 201}, None, "Shorten the subject to 200 characters"),
            ({"description": "x" * 10001}, None, "Shorten the description to 10000 characters"),
            ({"ticket_type_id": 999999}, None, "Choose the type of request"),
            (
                {},
                [("photos", ("big.png", too_large, "image/png"))],
                "big.png is too large: a photo may be at most 5 MB",
            ),
            (
                {},
                [("photos", ("scan.jpg", PDF, "image/jpeg"))],
                "scan.jpg is not a photo",
            ),
            (
                {},
                [("photos", ("page.png", b"<html><script>x</script></html>", "image/png"))],
                "page.png is not a photo",
            ),
            (
                {},
                [
                    ("photos", ("good.png", PNG, "image/png")),
                    ("photos", ("bad.gif", PDF, "image/gif")),
                ],
                "bad.gif is not a photo",
            ),
        ]
        Attachment = self.env["ir.attachment"]
        attachments_before = Attachment.search_count([("res_model", "=", "property.ticket")])
        for data, files, message in cases:
            with self.subTest(message=message, data=data):
                response = self._post_new(files=files, **data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn("Your request was not sent", response.text)
                kept = "Since this morning." if "description" not in data else "bathroom floor"
                self.assertIn(kept, response.text, "the input is kept")
                self.assertFalse(self._portal_tickets())
        self.assertEqual(
            Attachment.search_count([("res_model", "=", "property.ticket")]), attachments_before
        )

    def test_form_without_csrf_token_is_refused(self):
        self._login(self.resident)
        response = self._post_new(csrf_token="forged")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._portal_tickets())

    # ------------------------------------------------------------------
    # Quotations and ratings
    # ------------------------------------------------------------------
    def test_accept_quotation(self):
        self._login(self.resident)
        url = f"/my/tickets/{self.t_service.id}/accept"
        response = self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self)}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=accepted", response.headers["Location"])
        self.assertEqual(self.t_service.quotation_state, "accepted")
        self.assertEqual(self.t_service.quotation_accepted_by, self.owner.name)
        self.assertTrue(self.t_service.quotation_accepted_on)
        page = self.url_open(response.headers["Location"])
        self.assertIn("You accepted the quotation", page.text)
        self.assertNotIn("Accept the Quotation", page.text)
        again = self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self)}, allow_redirects=False
        )
        self.assertEqual(again.status_code, 200)
        self.assertIn("is not awaiting acceptance", again.text)
        # A ticket without a quotation cannot be "accepted" either.
        response = self.url_open(
            f"/my/tickets/{self.t_own.id}/accept",
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )
        self.assertIn("is not awaiting acceptance", response.text)
        self.assertEqual(self.t_own.quotation_state, "none")

    def test_rate_completed_work(self):
        self._login(self.household)
        page = self.url_open(f"/my/tickets/{self.t_done.id}")
        self.assertIn("How Did It Go?", page.text)
        self.assertNotIn("How Did It Go?", self.url_open(f"/my/tickets/{self.t_own.id}").text)
        scores = {
            "score_attitude": 5,
            "score_quality": 4,
            "score_timeliness": 5,
            "score_etiquette": 4,
        }
        for wrong in ({"score_quality": 6}, {"score_attitude": 0}, {"score_etiquette": "4.5"}):
            with self.subTest(wrong=wrong):
                response = self._post_rating(self.t_done, **{**scores, **wrong}, comment="Fast")
                self.assertEqual(response.status_code, 200)
                self.assertIn("Score each item with a whole number from 1 to 5", response.text)
                self.assertEqual(self.callback.state, "scheduled")
                self.assertFalse(self.callback.score_quality or self.callback.score_attitude)
                self.assertFalse(self.callback.comment)
        missing = dict(scores)
        del missing["score_timeliness"]
        response = self._post_rating(self.t_done, **missing)
        self.assertIn("Timeliness", response.text)
        self.assertEqual(self.callback.state, "scheduled")

        response = self._post_rating(self.t_done, **scores, comment="Quick and polite.")
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=rated", response.headers["Location"])
        self.assertEqual(self.callback.state, "done")
        self.assertEqual(self.callback.channel, "portal")
        self.assertEqual(self.callback.comment, "Quick and polite.")
        self.assertEqual(self.callback.score_quality, 4)
        self.assertAlmostEqual(self.callback.satisfaction, 100.0)
        self.assertAlmostEqual(self.t_done.satisfaction, 100.0)
        self.assertEqual(self.t_done.callback_state, "done")
        again = self._post_rating(self.t_done, **scores)
        self.assertEqual(again.status_code, 200)
        self.assertIn("not waiting for your rating", again.text)
        response = self._post_rating(self.t_own, **scores)
        self.assertIn("not waiting for your rating", response.text)


@tagged("post_install", "-at_install", "is_query_count")
class TestTicketPortalQueryCount(TicketPortalCase):
    """Opening the ticket list and creating a ticket cost a fixed number of queries, whatever
    the number of tickets of other units in the database."""

    LIST_QUERIES = 7  # user, partner, count, page of tickets, units, types, stages
    # ticket, photo, follower, and the department leader's activity + e-mail (no lock on the
    # company row any more: one query less)
    CREATE_QUERIES = 64

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The department leader receives an activity for every new ticket: fix who that is,
        # so that the budget does not depend on the data the database was installed with.
        cls.repair_type.department_id.write(
            {"leader_id": cls.staff.id, "member_ids": [Command.set(cls.staff.ids)]}
        )

    def setUp(self):
        super().setUp()
        self.controller = PropertyTicketPortal()
        # The resident's own environment, as in a request: no tracking_disable.
        self.resident_env = self.env(user=self.resident, context={"lang": "en_US"})

    def _tickets_elsewhere(self, count):
        """``count`` tickets on units the resident does not occupy."""
        units = self.env["property.unit"].create(
            [
                {
                    "building_id": self.building_b.id,
                    "floor": 1 + i % 6,
                    "number": f"9{i:03d}",
                    "area": 80,
                }
                for i in range(10)
            ]
        )
        self.env["property.ticket"].create(
            [
                {
                    "title": f"Elsewhere {i}",
                    "description": "<p>Elsewhere.</p>",
                    "ticket_type_id": (self.repair_type, self.inquiry_type)[i % 2].id,
                    "unit_id": (units[i % 10] | self.unit_b | self.unit2)[i % 3].id,
                }
                for i in range(count)
            ]
        )

    def _count(self, func, budget):
        """Run func under assertQueryCount(budget) and return (result, exact count)."""
        self.env.invalidate_all()
        with self.assertQueryCount(budget):
            before = self.env.cr.sql_log_count
            result = func()
            self.env.flush_all()
            count = self.env.cr.sql_log_count - before
        return result, count

    def _list(self):
        values = self.controller._prepare_ticket_list_values(self.resident_env)
        # What the template reads: no query left.
        rows = [
            (t.name, t.title, t.unit_id.code, t.ticket_type_id.name, t.stage_id.name, t.create_date)
            for t in values["tickets"]
        ]
        return values, rows

    def _create(self, index):
        return self.controller._create_portal_ticket(
            self.resident_env,
            {
                "title": f"Portal ticket {index}",
                "description": "Water on the floor.",
                "unit_id": str(self.unit.id),
                "ticket_type_id": str(self.repair_type.id),
            },
            [("floor.png", PNG)],
        )

    def _assert_fixed_cost(self, others):
        self._tickets_elsewhere(others)
        self.assertGreaterEqual(self.env["property.ticket"].search_count([]), others + 5)
        self._list()  # warm the caches that do not depend on the data (rules, ACLs)
        (values, rows), count = self._count(self._list, self.LIST_QUERIES)
        self.assertEqual(count, self.LIST_QUERIES, f"list with {others} other tickets")
        self.assertEqual(values["ticket_count"], 4)
        self.assertEqual(
            {row[0] for row in rows},
            set((self.t_own | self.t_member | self.t_service | self.t_done).mapped("name")),
        )
        self._create(0)  # warm: the company's ticket sequence is created on first use
        (ticket, errors), count = self._count(lambda: self._create(1), self.CREATE_QUERIES)
        self.assertFalse(errors)
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(count, self.CREATE_QUERIES, f"create with {others} other tickets")

    def test_fixed_cost_with_20_other_tickets(self):
        self._assert_fixed_cost(20)

    def test_fixed_cost_with_300_other_tickets(self):
        self._assert_fixed_cost(300)

    def test_failed_photo_keeps_no_ticket(self):
        """A failure after the ticket is created rolls the ticket back with it."""
        Attachment = type(self.env["ir.attachment"])
        with patch.object(Attachment, "create", side_effect=UserError("The file store is full.")):
            ticket, errors = self._create("rolled back")
        self.assertFalse(ticket)
        self.assertEqual(errors, {"form": ["The file store is full."]})
        self.assertFalse(
            self.env["property.ticket"].search([("title", "=", "Portal ticket rolled back")])
        )

    def test_rating_outside_1_5_saves_nothing(self):
        controller = self.controller
        env = self.env(user=self.household, context={"lang": "en_US"})
        ticket = self.t_done.with_user(self.household)
        scores = {"score_attitude": "5", "score_quality": "4", "score_timeliness": "5"}
        error = controller._rate_portal_ticket(env, ticket, {**scores, "score_etiquette": "6"})
        self.assertIn("Etiquette", error)
        self.assertEqual(self.callback.state, "scheduled")
        self.assertFalse(self.callback.score_attitude)
        error = controller._rate_portal_ticket(env, ticket, {**scores, "score_etiquette": "1"})
        self.assertIsNone(error)
        self.assertEqual(self.callback.state, "done")
        self.assertEqual(self.t_done.stage_id.category, "progress", "a low score reopens it")
