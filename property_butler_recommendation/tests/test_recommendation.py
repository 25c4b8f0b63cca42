from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestRecommendation(PropertyButlerCase):
    """The butler's grid is building 2 (3-2-1502 of the owner), butler2's building 5 (3-5-301
    of the other owner)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.Recommendation = cls.env["property.service.recommendation"]
        cls.cleaning = cls.env.ref(
            "property_butler_recommendation.property_service_offer_home_cleaning"
        )
        cls.water = cls.env.ref(
            "property_butler_recommendation.property_service_offer_bottled_water"
        )
        cls.product = cls.env.ref("property_butler_ticket.product_home_cleaning")

    def _recommend(self, offer=None, unit=None, user=None, **vals):
        user = user or self.butler
        unit = unit or self.unit
        return self.Recommendation.with_user(user).create(
            {
                "unit_id": unit.id,
                "partner_id": (self.owner if unit == self.unit else self.other_owner).id,
                "user_id": user.id,
                "offer_id": (offer or self.cleaning).id,
                **vals,
            }
        )

    def test_new_form(self):
        """The butler's New form: unit, resident, service; the reference from the sequence,
        the butler himself, proposed."""
        form = Form(self.Recommendation.with_user(self.butler))
        form.unit_id = self.unit
        form.partner_id = self.owner
        form.offer_id = self.cleaning
        form.note = "老人独居，推荐每两周一次居家保洁"
        recommendation = form.save()
        self.assertRegex(recommendation.name, r"^RC/\d{4}/\d{5}$")
        self.assertEqual(recommendation.user_id, self.butler)
        self.assertEqual(recommendation.company_id, self.company)
        self.assertEqual(recommendation.grid_id, self.grid)
        self.assertEqual(recommendation.state, "proposed")
        self.assertFalse(recommendation.converted)

    def test_accept_and_decline(self):
        accepted, declined = self._recommend(), self._recommend(self.water)
        accepted.action_accept()
        declined.action_decline()
        self.assertEqual(accepted.state, "accepted")
        self.assertTrue(accepted.converted)
        self.assertEqual(accepted.conversion_rate, 100.0)
        self.assertTrue(accepted.date_decided)
        self.assertFalse(declined.converted)
        self.assertEqual(declined.conversion_rate, 0.0)
        with self.assertRaises(UserError):
            declined.action_accept()
        declined.action_reset()
        self.assertEqual(declined.state, "proposed")
        self.assertFalse(declined.date_decided)

    def test_conversion_rate_per_butler_and_service(self):
        """Butler: 2 of 3 accepted (cleaning 2 of 2, water 0 of 1); butler2: 1 of 2."""
        self._recommend().action_accept()
        self._recommend().action_accept()
        self._recommend(self.water).action_decline()
        self._recommend(unit=self.unit_b, user=self.butler2).action_accept()
        self._recommend(self.water, unit=self.unit_b, user=self.butler2)
        domain = [("user_id", "in", (self.butler | self.butler2).ids)]
        by_butler = {
            user: (count, rate)
            for user, count, rate in self.Recommendation._read_group(
                domain, ["user_id"], ["__count", "conversion_rate:avg"]
            )
        }
        self.assertEqual(by_butler[self.butler][0], 3)
        self.assertAlmostEqual(by_butler[self.butler][1], 200 / 3)
        self.assertAlmostEqual(by_butler[self.butler2][1], 50.0)
        by_offer = dict(
            self.Recommendation._read_group(
                domain + [("user_id", "=", self.butler.id)], ["offer_id"], ["conversion_rate:avg"]
            )
        )
        self.assertEqual(by_offer[self.cleaning], 100.0)
        self.assertEqual(by_offer[self.water], 0.0)
        converted = self.Recommendation.search_count(domain + [("converted", "=", True)])
        self.assertEqual(converted, 3)

    def test_create_ticket_from_accepted(self):
        """An accepted recommendation becomes a paid-service ticket of the unit and resident,
        the offer's product its first quotation line, linked both ways; once."""
        recommendation = self._recommend(note="每两周一次")
        with self.assertRaises(UserError):
            recommendation.action_create_ticket()
        recommendation.action_accept()
        action = recommendation.action_create_ticket()
        ticket = recommendation.ticket_id
        self.assertTrue(ticket)
        self.assertEqual(action["res_id"], ticket.id)
        self.assertEqual(ticket.kind, "service")
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.recommendation_id, recommendation)
        self.assertEqual(ticket.line_ids.product_id, self.product)
        self.assertEqual(ticket.amount_total, self.product.list_price)
        self.assertIn("每两周一次", ticket.description)
        self.assertEqual(ticket.butler_id, self.butler)
        # The quotation goes on as for any paid service.
        ticket.action_send_quotation()
        ticket.action_accept_on_paper()
        self.assertEqual(ticket.quotation_state, "accepted")
        with self.assertRaises(UserError):
            recommendation.action_create_ticket()
        with self.assertRaises(UserError):
            recommendation.action_reset()

    def test_offer_without_product(self):
        self.water.product_id = False
        recommendation = self._recommend(self.water)
        recommendation.action_accept()
        recommendation.action_create_ticket()
        self.assertFalse(recommendation.ticket_id.line_ids)
        self.assertEqual(recommendation.ticket_id.title, self.water.name)

    def test_grid_restriction(self):
        """With the company restricting butlers to their grids: butler2 does not see the
        butler's recommendations, the butler sees his grid's and the ones he made; the
        supervisor sees all."""
        mine = self._recommend()
        theirs = self._recommend(unit=self.unit_b, user=self.butler2)
        self.company.property_grid_restricted = True
        Recommendation = self.Recommendation.with_user(self.butler2)
        visible = Recommendation.search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, theirs)
        with self.assertRaises(AccessError):
            mine.with_user(self.butler2).read(["note"])
        self.assertEqual(
            self.Recommendation.with_user(self.butler).search([("id", "in", (mine | theirs).ids)]),
            mine,
        )
        self.assertEqual(
            self.Recommendation.with_user(self.supervisor).search_count(
                [("id", "in", (mine | theirs).ids)]
            ),
            2,
        )
        self.company.property_grid_restricted = False
        self.assertEqual(Recommendation.search([("id", "in", (mine | theirs).ids)]), mine | theirs)

    def test_residents_and_front_desk_see_none(self):
        self._residents()
        recommendation = self._recommend()
        for user in (self.resident, self.front_desk):
            with self.assertRaises(AccessError):
                recommendation.with_user(user).read(["note"])

    def test_status_and_ticket_by_the_buttons_only(self):
        """Through RPC, a butler neither decides for the resident nor links a ticket: the
        status, the decision date and the ticket change with the buttons only."""
        recommendation = self._recommend()
        ticket = self.env["property.ticket"].create(
            {
                "title": "Another service",
                "description": "<p>Another service</p>",
                "ticket_type_id": self.env.ref(
                    "property_butler_ticket.property_ticket_type_service"
                ).id,
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
            }
        )
        for user in (self.butler, self.supervisor):
            for vals in (
                {"state": "accepted"},
                {"date_decided": "2025-01-01"},
                {"ticket_id": ticket.id},
            ):
                with self.assertRefused(UserError, "buttons only"):
                    recommendation.with_user(user).write(vals)
        self.assertEqual(recommendation.state, "proposed")
        self.assertFalse(recommendation.ticket_id)
        for vals in ({"state": "accepted"}, {"ticket_id": ticket.id}):
            with self.assertRefused(UserError, "created as proposed"):
                self._recommend(**vals)
        # Other fields are edited as before; the buttons still work.
        recommendation.with_user(self.butler).note = "每周一次"
        recommendation.with_user(self.butler).action_accept()
        self.assertEqual(recommendation.state, "accepted")
        # Nor from the ticket's side: no other ticket claims to deliver it.
        with self.assertRefused(UserError, "Create Ticket button"):
            ticket.with_user(self.butler).write({"recommendation_id": recommendation.id})
        recommendation.with_user(self.butler).action_create_ticket()
        self.assertTrue(recommendation.ticket_id)
        self.assertNotEqual(recommendation.ticket_id, ticket)
        with self.assertRefused(UserError, "Create Ticket button"):
            self.env["property.ticket"].with_user(self.butler).create(
                {
                    "title": "Again",
                    "description": "<p>Again</p>",
                    "ticket_type_id": ticket.ticket_type_id.id,
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "recommendation_id": recommendation.id,
                }
            )
        # Who may not write the recommendation does not press its buttons.
        self._residents()
        other = self._recommend()
        for user in (self.front_desk, self.resident):
            with self.assertRaises(AccessError):
                other.with_user(user).action_accept()
        self.company.property_grid_restricted = True
        with self.assertRaises(AccessError):
            other.with_user(self.butler2).action_decline()
        self.assertEqual(other.state, "proposed")

    def test_resident_occupies_the_unit(self):
        """The resident is one of the unit's occupants (not ended on the day recommended)."""
        with self.assertRefused(ValidationError, "does not occupy unit 3-2-1502"):
            self._recommend(partner_id=self.other_owner.id)
        recommendation = self._recommend()
        with self.assertRefused(ValidationError, "does not occupy"):
            recommendation.with_user(self.butler).partner_id = self.other_owner
        with self.assertRefused(ValidationError, "does not occupy"):
            recommendation.with_user(self.butler).unit_id = self.unit_b
        # Without a resident; the household member; a tenant who moved out is not any more.
        self._recommend(partner_id=False)
        self._occupy(self.unit, self.member, role="member", date_start=date(2024, 1, 1))
        self._recommend(partner_id=self.member.id)
        self._occupy(
            self.unit,
            self.tenant,
            role="tenant",
            date_start=date(2024, 1, 1),
            date_end=date(2024, 12, 31),
        )
        self._recommend(partner_id=self.tenant.id, date=date(2024, 6, 1))
        with self.assertRefused(ValidationError, "does not occupy"):
            self._recommend(partner_id=self.tenant.id)

    def test_offers_of_the_company(self):
        """A company's own offers are not another's; the shipped ones are every company's."""
        other = self.env["res.company"].create({"name": "Other Property Co"})
        theirs = self.env["property.service.offer"].create(
            {"name": "Car wash", "company_id": other.id}
        )
        Offer = self.env["property.service.offer"].with_user(self.butler)
        self.assertNotIn(theirs, Offer.search([]))
        self.assertIn(self.cleaning, Offer.search([]))
        with self.assertRefused(UserError, "Incompatible companies"):
            self._recommend(offer=theirs, user=self.env.user)
