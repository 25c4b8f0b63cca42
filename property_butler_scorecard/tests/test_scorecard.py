from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_butler_ticket.tests.common_ticket import TicketCase


@tagged("post_install", "-at_install", "is_query_count")
class TestScorecard(TicketCase):
    """The butlers' monthly scorecard: each figure from the month's records of the butler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Callback = cls.env["property.ticket.callback"]
        ticket = cls._ticket(cls.repair_type, title="Leaking tap")
        cls.on_time, cls.late = Callback.create(
            [
                {"ticket_id": ticket.id, "user_id": cls.butler.id, "date_scheduled": day}
                for day in (date(2026, 6, 5), date(2026, 6, 3))
            ]
        )
        cls.on_time.write(
            {"score_attitude": 5, "score_quality": 5, "score_timeliness": 5, "score_etiquette": 5}
        )
        cls.late.write(
            {"score_attitude": 5, "score_quality": 2, "score_timeliness": 2, "score_etiquette": 2}
        )
        with freeze_time("2026-06-05 04:00:00"):
            cls.on_time.action_done()
        with freeze_time("2026-06-08 04:00:00"):
            cls.late.action_done()
        template = cls.env.ref("property_butler_patrol.property_inspection_template_morning_check")
        checks = cls.env["property.inspection"].create(
            [
                {
                    "template_id": template.id,
                    "project_id": cls.project.id,
                    "user_id": cls.butler.id,
                    "date_planned": day,
                }
                for day in (date(2026, 6, 2), date(2026, 6, 3), date(2026, 5, 29))
            ]
        )
        checks[0].line_ids.write({"result": "ok"})
        checks[0].write({"state": "done", "date_done": date(2026, 6, 2)})
        cls.env["property.visit"].create(
            [
                {"unit_id": cls.unit.id, "user_id": cls.butler.id, "date": when}
                for when in (datetime(2026, 6, 10, 2, 0), datetime(2026, 5, 31, 17, 0))
            ]
        )

    def _card(self, user=None, month=date(2026, 6, 1), butlers=None):
        Card = self.env["property.scorecard"].with_user(user or self.supervisor)
        card = Card.create({"month": month, "user_ids": [(6, 0, (butlers or self.butler).ids)]})
        values = card._card_values()
        return {key: (text, low) for key, text, low in values["rows"][values["butlers"][0]]}, card

    def test_figures_of_the_month(self):
        cells, card = self._card()
        self.assertEqual(cells["callbacks"], ("1/2 (50 %)", True), "one late")
        self.assertEqual(cells["inspections"][0], "1/2 (50 %)", "May's not counted")
        # 01:00 on 1 June in Shanghai is 31 May in UTC: a June visit.
        self.assertEqual(cells["visits"][0], "2")
        satisfaction = cells["satisfaction"]
        self.assertTrue(satisfaction[0].endswith("%"))
        self.assertTrue(satisfaction[1], "below 90 %")
        self.assertEqual(cells["collection"][0], "–", "nothing billed")
        self.assertIn("o_scorecard_callbacks table-danger", card.scorecard_html)
        may, _card = self._card(month=date(2026, 5, 1))
        self.assertEqual(may["inspections"][0], "0/1 (0 %)")
        self.assertEqual(may["callbacks"][0], "–")

    def test_department_figures(self):
        tickets = self.env["property.ticket"]
        works = self.env["property.department"].create({"name": "Works", "kind": "engineering"})
        with freeze_time("2026-06-04 02:00:00"):
            for late in (False, True):
                ticket = self._ticket(self.repair_type, title=f"Lamp {late}")
                ticket.write(
                    {
                        "department_id": works.id,
                        "date_response_deadline": datetime(2026, 6, 4, 3, 0),
                        "date_resolution_deadline": datetime(2026, 6, 4, 1, 0)
                        if late
                        else datetime(2026, 6, 5, 0, 0),
                        "butler_score_speed": "4",
                        "butler_score_quality": "5",
                        "butler_score_communication": "3",
                    }
                )
                ticket.action_done()
                tickets |= ticket
        _cells, card = self._card()
        values = card._card_values()
        row = {key: (text, low) for key, text, low in values["department_rows"][works]}
        self.assertEqual(row["response"], ("2/2 (100 %)", False))
        self.assertEqual(row["resolution"], ("1/2 (50 %)", True), "one completed late")
        self.assertEqual(row["butler_rating"][0], "4.0")
        self.assertIn("o_scorecard_department_resolution table-danger", card.scorecard_html)

    def test_queries_do_not_grow_with_the_butlers(self):
        Card = self.env["property.scorecard"].with_user(self.supervisor)
        Card._rows(date(2026, 6, 1), self.butler)  # access rules cached
        counts = []
        for butlers in (self.butler, self.butler | self.butler2 | self.supervisor):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Card._rows(date(2026, 6, 1), butlers.with_user(self.supervisor))
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "a fixed number of grouped queries")

    def test_supervisors_only_and_print(self):
        with self.assertRaises(AccessError):
            self.env["property.scorecard"].with_user(self.butler).create(
                {"month": date(2026, 6, 1)}
            )
        _cells, card = self._card()
        html = self._render_html(
            "property_butler_scorecard.property_scorecard_report_action", card, self.supervisor
        )
        self.assertIn("o_scorecard_row", html)
        self.assertIn(self.butler.name, html)
        self.assertReportFont(html)
