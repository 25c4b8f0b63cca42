from datetime import date, datetime

from freezegun import freeze_time
from markupsafe import Markup

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import MOVED_IN, PropertyButlerCase

ACTIVITY = "property_butler_visit.mail_activity_data_visit_follow_up"


@tagged("post_install", "-at_install")
class TestVisit(PropertyButlerCase):
    """The butler's grid is building 2 (3-2-1502 of the billed owner and a household member,
    3-2-1501 a key customer), butler2's building 5 (3-5-301)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls._occupy(cls.unit, cls.member, role="member", date_start=MOVED_IN)
        cls.key_owner = cls.env["res.partner"].create({"name": "陈静"})
        cls._billing_contact(cls.unit2, cls.key_owner)
        cls.unit2.key_customer = True
        cls.parking = cls._parking_space()
        cls._billing_contact(cls.parking, cls.owner, resides=False)
        cls.Visit = cls.env["property.visit"]
        cls.topic_repairs = cls.env.ref("property_butler_visit.property_visit_topic_repairs")

    def _visit(self, unit=None, user=None, **vals):
        user = user or self.butler
        return (
            self.Visit.with_user(user)
            .create(
                {
                    "unit_id": (unit or self.unit).id,
                    "partner_id": self.owner.id,
                    "user_id": user.id,
                    **vals,
                }
            )
            .sudo(False)
        )

    def _follow_up_activity(self, visit):
        return visit.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(ACTIVITY))

    def test_new_form_offers_units_before_the_company_is_known(self):
        """The butler's New form: the unit dropdown offers his units, and the reference comes
        from the sequence on save."""
        form = Form(self.Visit.with_user(self.butler))
        self.assertTrue(self.env["property.unit"].with_user(self.butler).name_search("1502"))
        form.unit_id = self.unit
        form.partner_id = self.owner
        form.kind = "encounter"
        form.needs = "路遇客户：询问停车位"
        visit = form.save()
        self.assertRegex(visit.name, r"^VS/\d{4}/\d{5}$")
        self.assertEqual(visit.user_id, self.butler)
        self.assertEqual(visit.company_id, self.company)
        self.assertEqual(visit.grid_id, self.grid)

    def test_answered_on_the_spot_is_done(self):
        visit = self._visit(needs="物业费怎么交", answered=True, answer="讲解了缴费方式")
        self.assertEqual(visit.state, "done")
        self.assertFalse(self._follow_up_activity(visit))

    def test_follow_up_date_gives_the_butler_an_activity(self):
        """ "A follow-up date gives the butler an activity to report back": due that day, moved
        when the date changes, done when the butler reported back."""
        visit = self._visit(needs="希望增加儿童游乐设施", date_follow_up=date(2026, 12, 10))
        activity = self._follow_up_activity(visit)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.butler)
        self.assertEqual(activity.date_deadline, date(2026, 12, 10))
        self.assertEqual(visit.state, "follow_up")
        visit.date_follow_up = date(2026, 12, 12)
        activity = self._follow_up_activity(visit)
        self.assertEqual(len(activity), 1, "moved, not doubled")
        self.assertEqual(activity.date_deadline, date(2026, 12, 12))
        visit.action_follow_up_done()
        self.assertTrue(visit.followed_up)
        self.assertFalse(self._follow_up_activity(visit))
        self.assertEqual(visit.state, "done")
        with self.assertRaises(UserError):
            visit.action_follow_up_done()

    def test_open_question_becomes_a_ticket_of_the_visit(self):
        """ "開單給相關部門": the visit's question becomes a ticket of the visit, filled in from
        it; the visit waits until the ticket is closed."""
        visit = self._visit(needs="楼道灯不亮", topic_ids=[(6, 0, self.topic_repairs.ids)])
        self.assertEqual(visit.state, "done", "nothing pending yet")
        action = visit.action_create_ticket()
        with Form(
            self.env["property.ticket"].with_user(self.butler).with_context(**action["context"])
        ) as form:
            self.assertEqual(form.unit_id, self.unit)
            self.assertEqual(form.partner_id, self.owner)
            self.assertEqual(form.channel, "butler_visit")
            self.assertIn("楼道灯不亮", str(form.description))
            form.ticket_type_id = self.env.ref("property_butler_ticket.property_ticket_type_repair")
        ticket = visit.ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.title, self.topic_repairs.name)
        self.assertEqual(visit.state, "follow_up")
        self.assertEqual(visit.open_ticket_count, 1)
        ticket.sudo().write(
            {"solution": Markup("<p>换了灯泡</p>"), "reply": Markup("<p>已修好</p>")}
        )
        ticket.sudo().action_done()
        self.assertTrue(ticket.is_closed)
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.action_view_tickets()["domain"], [("visit_id", "=", visit.id)])

    def test_visits_follow_the_grid_restriction_and_stay_off_the_portal(self):
        visit = self._visit(needs="家里老人独居")
        self.company.property_grid_restricted = True
        with self.assertRaises(AccessError):
            visit.with_user(self.butler2).read(["needs"])
        self.assertFalse(self.Visit.with_user(self.butler2).search([("id", "=", visit.id)]))
        self.assertEqual(visit.with_user(self.supervisor).needs, "家里老人独居")
        resident = self._portal_user("pb_visit_resident", self.owner)
        with self.assertRaises(AccessError):
            visit.with_user(resident).read(["needs"])
        with self.assertRaises(AccessError):
            visit.with_user(self.front_desk).read(["needs"])
        # Unrestricted company: butlers read their colleagues' visits (they stand in).
        self.company.property_grid_restricted = False
        self.assertEqual(visit.with_user(self.butler2).needs, "家里老人独居")

    def test_yearly_plan_counts_households_and_key_customers(self):
        """Each household at least once a year, key customers four times: parking spaces are
        no households, last year's visits do not count, the year is the local one."""
        with freeze_time("2026-03-01 02:00:00"):
            plan = self.env["property.visit.plan"]._create_year_plans(self.grid, 2026)
        self.assertEqual((plan.visits_per_household, plan.visits_per_key_customer), (1, 4))
        self.assertEqual(plan.household_count, 2, "3-2-1502 and 3-2-1501, not the parking space")
        self.assertEqual(plan.key_customer_count, 1)
        self.assertEqual(plan.planned_visit_count, 1 + 4)
        self.assertEqual((plan.visited_household_count, plan.short_count), (0, 2))
        self._visit(date=datetime(2025, 12, 31, 15, 0))  # 23:00 in Shanghai: last year
        self._visit(date=datetime(2025, 12, 31, 16, 30))  # 00:30 on 1 January: this year
        self._visit(unit=self.unit2, date=datetime(2026, 2, 1, 2, 0))
        plan.invalidate_recordset()
        self.assertEqual(plan.visit_count, 2)
        self.assertEqual(plan.visited_household_count, 2)
        self.assertEqual(plan.coverage, 100.0)
        self.assertEqual(plan.short_count, 1, "the key customer had one visit of four")
        short = plan.action_view_short()
        self.assertEqual(short["domain"], [("id", "in", [self.unit2.id])])
        # Idempotent: a second run of the plan makes none again.
        self.assertFalse(self.env["property.visit.plan"]._create_year_plans(self.grid, 2026))
        with self.assertRaises(ValidationError):
            plan.visits_per_household = 0

    def test_plan_this_year_for_every_grid_once(self):
        Plan = self.env["property.visit.plan"].with_user(self.supervisor)
        with freeze_time("2026-01-01 02:00:00"):
            Plan.action_plan_year()
            Plan.action_plan_year()
            self._run_as_scheduled(
                "property_butler_visit.ir_cron_property_visit_plan_year", "_cron_plan_year"
            )
        plans = Plan.search([("year", "=", 2026), ("project_id", "=", self.project.id)])
        self.assertEqual(plans.grid_id, self.grid | self.grid_b)
        self.assertEqual(len(plans), 2)

    def test_company_targets_checked(self):
        with self.assertRaises(ValidationError):
            self.company.property_visits_per_key_customer = 0

    def test_monthly_visit_report(self):
        """The monthly report per butler: the month's visits by kind, the households of his
        grid visited this year, the follow-ups still open; read under the user's rights."""
        with freeze_time("2026-11-20 02:00:00"):
            self._visit(kind="home_visit", needs="希望加装扶手", date_follow_up=date(2026, 11, 25))
            self._visit(unit=self.unit2, kind="encounter", answered=True)
            self._visit(unit=self.unit_b, user=self.butler2, answered=True)
        with freeze_time("2026-12-03 02:00:00"):
            wizard = (
                self.env["property.visit.report.wizard"]
                .with_user(self.supervisor)
                .create({"month": date(2026, 11, 1)})
            )
            rows = {row["user"]: row for row in wizard._report_rows()}
            html = str(
                self.env["ir.actions.report"]
                .with_user(self.supervisor)
                ._render_qweb_html(
                    "property_butler_visit.property_visit_report_monthly", wizard.ids
                )[0]
                .decode()
            )
        row = rows[self.butler]
        self.assertEqual(row["visit_count"], 2)
        self.assertIn(("Home Visit", 1), row["kinds"])
        self.assertEqual((row["household_count"], row["visited_count"]), (2, 2))
        self.assertEqual(len(row["follow_ups"]), 1)
        self.assertEqual(rows[self.butler2]["visit_count"], 1)
        self.assertIn("希望加装扶手", html)
        self.assertIn("text-danger", html, "the overdue report back is flagged")
        self.assertReportFont(html)
        # A butler of a restricted company reports on what he may read only.
        self.company.property_grid_restricted = True
        mine = (
            self.env["property.visit.report.wizard"]
            .with_user(self.butler2)
            .create({"month": date(2026, 11, 1), "user_ids": [(6, 0, self.butler.ids)]})
        )
        self.assertFalse(
            [row for row in mine._report_rows() if row["visit_count"] or row["follow_ups"]]
        )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.front_desk)._render_qweb_html(
                "property_butler_visit.property_visit_report_monthly", wizard.ids
            )

    def test_home_cards(self):
        with freeze_time("2026-12-03 02:00:00"):
            self._visit(needs="询问装修流程", date_follow_up=date(2026, 12, 5))
            self._visit(unit=self.unit_b, user=self.butler2, answered=True)
            data = self.env["property.home"].with_user(self.butler).get_home_data()
        cards = {card["key"]: card for card in data["cards"]}
        self.assertEqual(cards["visits_month"]["count"], 1)
        self.assertEqual(cards["visit_follow_ups"]["count"], 1)
