from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_butler_ticket.tests.common_ticket import TicketCase


@tagged("post_install", "-at_install")
class TestQualityReview(TicketCase):
    """The nine quality targets of a project and year, from the records of the suite: each
    actual against its target, met or not, or not measured."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-05-10 04:00:00"):
            cls.complaint = cls._ticket(cls.complaint_type, title="Noise at night")
            cls.complaint.is_major = True
            callback = cls.env["property.ticket.callback"].create(
                {
                    "ticket_id": cls.complaint.id,
                    "user_id": cls.butler.id,
                    "date_scheduled": date(2026, 5, 10),
                    "score_attitude": 5,
                    "score_quality": 4,
                    "score_timeliness": 5,
                    "score_etiquette": 5,
                }
            )
            callback.action_done()
            cls.env["property.incident"].create(
                {
                    "name": "Fire in a kitchen",
                    "project_id": cls.project.id,
                    "kind": "fire",
                    "severity": "major",
                    "is_safety": True,
                    "date": datetime(2026, 5, 9, 6, 0),
                }
            )
            ideas = cls.env["property.improvement.idea"].create(
                [
                    {"name": name, "project_id": cls.project.id, "evaluation": "Good"}
                    for name in ("QR codes in lifts", "Shared routes", "Older idea")
                ]
            )
            ideas.action_adopt()
        ideas[2].date_adopted = date(2025, 12, 1)
        resident = cls.env.ref("property_butler_archive.property_archive_type_resident")
        files = cls.env["property.archive"].create(
            [
                {"name": name, "type_id": resident.id, "project_id": cls.project.id}
                for name in ("Complete file", "Incomplete file")
            ]
        )
        files[0].document_ids.received = True
        topic = cls.env["property.training.topic"].create({"name": "Fees", "pass_score": 60})
        session = cls.env["property.training.session"].create(
            {
                "topic_id": topic.id,
                "project_id": cls.project.id,
                "date": datetime(2026, 3, 3, 6, 0),
                "attendance_ids": [
                    (0, 0, {"user_id": cls.butler.id, "score": 80}),
                    (0, 0, {"user_id": cls.butler2.id, "score": 40}),
                ],
            }
        )
        session.action_done()
        cls.env["property.budget"].create(
            {
                "project_id": cls.project.id,
                "year": 2026,
                "amount_budget": 100000,
                "amount_spent": 120000,
            }
        )

    def _rows(self, user=None, year=2026):
        Review = self.env["property.quality.review"]
        if user:
            Review = Review.with_user(user)
        review = Review.create({"year": year, "project_ids": [(6, 0, self.project.ids)]})
        return {row["key"]: row for row in review._review_values()["rows"][self.project]}, review

    def test_targets_against_actuals(self):
        rows, review = self._rows(self.manager)
        self.assertEqual(len(rows), 9, "the nine targets of S1 1.2")
        self.assertEqual(rows["satisfaction"]["actual"], "100.0 % (lowest item 100.0 %)")
        self.assertTrue(rows["satisfaction"]["met"])
        self.assertEqual(rows["major_complaints"]["actual"], "1")
        self.assertTrue(rows["major_complaints"]["met"], "one a year is allowed")
        self.assertEqual(rows["major_incidents"]["actual"], "1")
        self.assertFalse(rows["major_incidents"]["met"], "none is allowed")
        self.assertEqual(rows["ideas"]["actual"], "2", "the idea adopted in 2025 not counted")
        self.assertTrue(rows["ideas"]["met"])
        self.assertFalse(rows["budget"]["met"], "120 000 spent of 100 000")
        self.assertIn("120", rows["budget"]["actual"])
        self.assertFalse(rows["paid_services"]["met"], "no paid service sold")
        self.assertEqual(rows["training"]["actual"], "50.0 % of 2 exams passed")
        self.assertFalse(rows["training"]["met"], "100 % must pass")
        self.assertEqual(rows["archives"]["actual"], "50.0 % of 2 files complete")
        self.assertFalse(rows["archives"]["met"])
        self.assertIsNone(rows["collection"]["met"], "nothing billed in this project")
        html = review.review_html
        self.assertIn("o_quality_major_incidents table-danger", html)
        self.assertIn(self.project.name, html)

        last_year, _review = self._rows(self.manager, year=2025)
        self.assertEqual(last_year["ideas"]["actual"], "1")
        self.assertEqual(last_year["major_complaints"]["actual"], "0")
        self.assertEqual(last_year["budget"]["actual"], "No budget entered")
        self.assertIsNone(last_year["training"]["met"], "no exam in 2025")

    def test_queries_do_not_grow_with_the_projects(self):
        Review = self.env["property.quality.review"].with_user(self.manager)
        projects = self.project
        Review._rows(2026, projects.with_user(self.manager))  # the access rules cached
        counts = []
        for size in (1, 4):
            while len(projects) < size:
                projects |= self.env["property.project"].create(
                    {"name": f"Project {len(projects)}", "code": f"P{len(projects)}"}
                )
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Review._rows(2026, projects.with_user(self.manager))
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "a fixed number of grouped queries")

    def test_only_supervisors_and_managers(self):
        with self.assertRaises(AccessError):
            self.env["property.quality.review"].with_user(self.butler).create({"year": 2026})
        with self.assertRaises(AccessError):
            self.env["property.budget"].with_user(self.supervisor).create(
                {"project_id": self.project.id, "year": 2027}
            )
        self._rows(self.supervisor)

    def test_print(self):
        _rows, review = self._rows(self.manager)
        html = self._render_html(
            "property_butler_quality.property_quality_review_report_action", review, self.manager
        )
        self.assertIn("o_quality_satisfaction", html)
        self.assertReportFont(html)

    def test_demo_project(self):
        project = self.env.ref("property_butler.project_sunshine", raise_if_not_found=False)
        if not project or not project.unit_ids:
            self.skipTest("no demo estate")
        review = self.env["property.quality.review"].create(
            {"year": date.today().year, "project_ids": [(6, 0, project.ids)]}
        )
        rows = {row["key"]: row for row in review._review_values()["rows"][project]}
        measured = [key for key, row in rows.items() if row["met"] is not None]
        self.assertGreaterEqual(len(measured), 6, f"measured: {measured}")


@tagged("post_install", "-at_install")
class TestQualityDigest(TicketCase):
    """The managers' weekly digest carries the period's figures behind the targets."""

    def test_kpis_of_the_week(self):
        with freeze_time("2026-05-06 04:00:00"):
            complaint = self._ticket(self.complaint_type, title="Noise")
            complaint.is_major = True
            self.env["property.incident"].create(
                {"name": "Flood", "project_id": self.project.id, "date": datetime(2026, 5, 6)}
            )
        digest = self.env.ref("property_butler_quality.digest_digest_property")
        self.assertTrue(digest.kpi_property_major_complaints)
        week = digest.with_user(self.manager).with_context(
            start_datetime=datetime(2026, 5, 4), end_datetime=datetime(2026, 5, 11)
        )
        self.assertEqual(week.kpi_property_major_complaints_value, 1)
        self.assertEqual(week.kpi_property_incidents_value, 1)
        self.assertEqual(week.kpi_property_ideas_adopted_value, 0)
        digest.invalidate_recordset()  # values of the other week
        before = digest.with_user(self.manager).with_context(
            start_datetime=datetime(2026, 4, 27), end_datetime=datetime(2026, 5, 4)
        )
        self.assertEqual(before.kpi_property_incidents_value, 0)
        with self.assertRaises(AccessError):
            digest.with_user(self.butler).with_context(
                start_datetime=datetime(2026, 5, 4), end_datetime=datetime(2026, 5, 11)
            )._compute_kpi_property_values()
