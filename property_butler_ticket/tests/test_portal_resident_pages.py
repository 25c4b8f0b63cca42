from datetime import date, datetime

from lxml import html as lxml_html

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_ticket import TicketPortalCase


@tagged("post_install", "-at_install")
class TestResidentPortalPages(PropertyHttpCase, TicketPortalCase):
    """What a resident finds on /my, his unit's page, the new-ticket page and a ticket page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident.tz = "Asia/Shanghai"
        # A resident who has just moved in and never raised a ticket, on two units.
        cls.newcomer_partner = cls.env["res.partner"].create(
            {"name": "赵磊", "phone": "13800000009", "email": "zhao.lei@example.com"}
        )
        cls._occupy(cls.unit2, cls.newcomer_partner, date_start=date(2024, 6, 1))
        cls._occupy(cls.unit_b, cls.newcomer_partner, role="tenant", date_start=date(2024, 6, 1))
        cls.newcomer = cls._portal_user("pb_newcomer", cls.newcomer_partner, tz="Asia/Shanghai")

    def _home_card(self, page, url):
        """The class of the /my card that links to ``url`` (None: no such card)."""
        tree = lxml_html.fromstring(page)
        links = tree.xpath(f"//div[contains(@class, 'o_portal_index_card')]/a[@href='{url}']")
        return links[0].getparent().get("class") if links else None

    # ------------------------------------------------------------------
    # Item: reporting a problem before a first ticket
    # ------------------------------------------------------------------
    def test_home_offers_tickets_before_the_first_one(self):
        self.assertFalse(
            self.env["property.ticket"].search([("partner_id", "=", self.newcomer_partner.id)])
        )
        self._login(self.newcomer)
        page = self.url_open("/my").text
        tickets_card = self._home_card(page, "/my/tickets")
        self.assertIsNotNone(tickets_card)
        self.assertNotIn("d-none", tickets_card, "shown before the counters answer, at 0")
        report_card = self._home_card(page, "/my/tickets/new")
        self.assertIsNotNone(report_card, "a way to create one")
        self.assertNotIn("d-none", report_card)
        self.assertIn("Report a Problem", page)
        # Somebody who lives nowhere (a former tenant) is not offered to report.
        self._login(self.former_tenant)
        page = self.url_open("/my").text
        self.assertIsNone(self._home_card(page, "/my/tickets/new"))
        self.assertIn("d-none", self._home_card(page, "/my/tickets"))

    def test_unit_page_reports_a_problem_for_that_unit(self):
        self._login(self.newcomer)
        page = self.url_open(f"/my/units/{self.unit_b.id}").text
        tree = lxml_html.fromstring(page)
        button = tree.xpath("//a[contains(@class, 'o_property_report_problem')]")
        self.assertEqual(len(button), 1)
        self.assertEqual(button[0].get("href"), f"/my/tickets/new?unit_id={self.unit_b.id}")
        self.assertIn("Report a Problem", button[0].text_content())

        form = lxml_html.fromstring(self.url_open(button[0].get("href")).text)
        options = form.xpath("//select[@name='unit_id']/option[@value]")
        selected = [o.get("value") for o in options if o.get("selected") is not None]
        self.assertEqual(selected, [str(self.unit_b.id)], "that unit is preselected")
        self.assertEqual(
            sorted(o.get("value") for o in options if o.get("value")),
            sorted(str(u.id) for u in self.unit2 | self.unit_b),
        )
        # Another unit's id in the address preselects nothing and offers nothing more.
        form = lxml_html.fromstring(self.url_open(f"/my/tickets/new?unit_id={self.unit.id}").text)
        options = form.xpath("//select[@name='unit_id']/option[@value]")
        self.assertFalse([o for o in options if o.get("selected") is not None])
        self.assertNotIn(str(self.unit.id), [o.get("value") for o in options])

    def test_new_ticket_page_gives_the_service_centre_phone(self):
        self._login(self.newcomer)
        tree = lxml_html.fromstring(self.url_open("/my/tickets/new").text)
        phones = tree.xpath("//ul[contains(@class, 'o_property_service_centres')]//a")
        self.assertEqual([a.text_content() for a in phones], [self.project.phone])
        self.assertEqual(phones[0].get("href"), f"tel:{self.project.phone}")
        self.assertIn("call the service centre", tree.text_content())

    # ------------------------------------------------------------------
    # Item: times in the viewer's time zone, and the expected response
    # ------------------------------------------------------------------
    def test_ticket_page_shows_times_and_the_expected_response(self):
        sla = self.repair_type.sla_ids.filtered(lambda s: s.priority == "0")
        self.assertTrue(sla, "the shipped response targets")
        self.t_own.date_received = datetime(2025, 3, 5, 2, 30)  # 10:30 in Shanghai
        self.assertTrue(self.t_own.date_response_deadline)
        self._login(self.resident)
        tree = lxml_html.fromstring(self.url_open(f"/my/tickets/{self.t_own.id}").text)
        text = tree.text_content()
        self.assertIn("03/05/2025 10:30", text, "received, in the resident's time zone")
        self.assertNotIn("02:30", text, "not UTC")
        self.assertNotIn("10:30:00", text, "HH:MM")
        deadline = tree.xpath("//dd[contains(@class, 'o_property_ticket_response_deadline')]")
        self.assertEqual(len(deadline), 1)
        # 1440 minutes (the shipped repair target) after 10:30 on 5 March, Shanghai time.
        self.assertEqual(sla.response_minutes, 1440)
        self.assertEqual(" ".join(deadline[0].text_content().split()), "By 03/06/2025 10:30")
        completion = tree.xpath("//dd[contains(@class, 'o_property_ticket_resolution_deadline')]")
        self.assertEqual(len(completion), 1)

        # Once staff responded: the response time, and no more promise.
        self.t_own.date_responded = datetime(2025, 3, 5, 3, 5)
        tree = lxml_html.fromstring(self.url_open(f"/my/tickets/{self.t_own.id}").text)
        self.assertFalse(
            tree.xpath("//dd[contains(@class, 'o_property_ticket_response_deadline')]")
        )
        responded = tree.xpath("//dd[contains(@class, 'o_property_ticket_responded')]")
        self.assertEqual(responded[0].text_content().strip(), "03/05/2025 11:05")

        # Another viewer's time zone: the same ticket in his own time.
        self.household.tz = "Europe/Paris"
        self._login(self.household)
        text = lxml_html.fromstring(self.url_open(f"/my/tickets/{self.t_own.id}").text)
        self.assertIn("03/05/2025 03:30", text.text_content())

    def test_ticket_list_dates_in_the_viewers_time_zone(self):
        # 23:30 UTC on 4 March is already 5 March in Shanghai.
        self.t_own.date_received = datetime(2025, 3, 4, 23, 30)
        self.env.cr.execute(
            "UPDATE property_ticket SET create_date = %s WHERE id = %s",
            [datetime(2025, 3, 4, 23, 30), self.t_own.id],
        )
        self.env.invalidate_all()
        self._login(self.resident)
        tree = lxml_html.fromstring(self.url_open("/my/tickets").text)
        row = tree.xpath(f"//tr[.//a[@href='/my/tickets/{self.t_own.id}']]")[0]
        self.assertEqual(row.xpath("./td")[-1].text_content().strip(), "03/05/2025")


@tagged("post_install", "-at_install")
class TestOccupantsTickets(TicketPortalCase):
    """A resident reads a unit's tickets from the start of his own occupancy on, and never a
    housemate's or a predecessor's phone or e-mail through a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Ticket = cls.env["property.ticket"]
        # The former tenant's ticket on 3-2-1501, while he lived there.
        cls.t_former = Ticket.create(
            {
                "title": "Broken window latch",
                "description": "<p>The latch is broken.</p>",
                "ticket_type_id": cls.repair_type.id,
                "unit_id": cls.unit2.id,
                "date_received": datetime(2023, 6, 1, 2, 0),
            }
        )
        # Raised by the tenant while he lived there (the occupancy check is of today's).
        cls.env.cr.execute(
            "UPDATE property_ticket SET partner_id = %s WHERE id = %s",
            [cls.tenant.id, cls.t_former.id],
        )
        cls.env.invalidate_all()
        cls.successor_partner = cls.env["res.partner"].create(
            {"name": "孙丽", "phone": "13800000010"}
        )
        cls._occupy(cls.unit2, cls.successor_partner, date_start=date(2024, 6, 1))
        cls.successor = cls._portal_user("pb_successor", cls.successor_partner)
        cls.t_successor = Ticket.create(
            {
                "title": "Lift noise",
                "description": "<p>The lift squeaks.</p>",
                "ticket_type_id": cls.repair_type.id,
                "unit_id": cls.unit2.id,
                "partner_id": cls.successor_partner.id,
            }
        )

    def _visible(self, user, tickets):
        return self.env["property.ticket"].with_user(user).search([("id", "in", tickets.ids)])

    def test_new_occupant_does_not_read_the_predecessors_tickets(self):
        both = self.t_former | self.t_successor
        self.assertEqual(self._visible(self.successor, both), self.t_successor)
        with self.assertRaises(AccessError):
            self.t_former.with_user(self.successor).read(["title"])
        with self.assertRaises(AccessError):
            self.t_former.with_user(self.successor).check_access("read")
        # Nor its quotation lines, department or messages.
        Line = self.env["property.ticket.line"].with_user(self.successor)
        self.assertFalse(Line.search([("ticket_id", "=", self.t_former.id)]))
        messages = (
            self.env["mail.message"]
            .with_user(self.successor)
            .search([("model", "=", "property.ticket"), ("res_id", "=", self.t_former.id)])
        )
        self.assertFalse(messages)
        # The former tenant, moved out, sees neither.
        self.assertFalse(self._visible(self.former_tenant, both))

    def test_household_member_reads_from_his_own_move_in_on(self):
        before = self.t_own
        before.date_received = datetime(2024, 2, 1, 2, 0)
        late_partner = self.env["res.partner"].create({"name": "王小红"})
        self._occupy(self.unit, late_partner, role="member", date_start=date(2025, 1, 1))
        late = self._portal_user("pb_late", late_partner)
        after = self.t_member
        self.assertEqual(self._visible(late, before | after), after)
        self.assertEqual(self._visible(self.household, before | after), before | after)
        # The field says the same, and searching on it too (both ways).
        self.assertTrue(after.with_user(late).visible_in_portal)
        Ticket = self.env["property.ticket"].with_user(late).sudo()
        self.assertEqual(
            Ticket.search([("id", "in", (before | after).ids), ("visible_in_portal", "=", True)]),
            after,
        )
        self.assertEqual(
            Ticket.search([("id", "in", (before | after).ids), ("visible_in_portal", "=", False)]),
            before,
        )

    def test_housemates_contact_details_not_read_through_tickets(self):
        ticket = self.t_own.with_user(self.household)
        self.assertEqual(ticket.title, "Leaking tap in the kitchen", "he reads the ticket")
        for field in ("phone", "email"):
            with self.assertRaises(AccessError, msg=field):
                ticket.read([field])
            with self.assertRaises(AccessError, msg=field):
                self.env["property.ticket"].with_user(self.household).search_read(
                    [("id", "=", self.t_own.id)], [field]
                )
        # Nor through the partner itself.
        with self.assertRaises(AccessError):
            ticket.partner_id.read(["phone"])
        # Staff still read them.
        self.assertEqual(self.t_own.with_user(self.butler).phone, self.owner.phone)
        self.assertEqual(self.t_own.with_user(self.butler).email, self.owner.email)
