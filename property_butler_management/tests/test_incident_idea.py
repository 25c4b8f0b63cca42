from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestIncidentIdea(PropertyButlerCase):
    """Emergency incidents (S1 4.2.8) reported to the company, and staff improvement ideas
    evaluated and adopted by a supervisor (S1 1.2: two adopted a year, no major safety
    incident)."""

    def test_incident_reported_with_the_actions_on_site(self):
        form = Form(self.env["property.incident"].with_user(self.guard))
        form.name = "Burst pipe in the car park"
        form.project_id = self.project
        form.kind = "flood"
        form.severity = "serious"
        form.people_affected = 3
        incident = form.save()
        self.assertTrue(incident.reference.startswith("INC/"))
        self.assertIn(incident.reference, incident.display_name)
        self.assertFalse(incident.is_major_safety)
        with self.assertRefused(UserError, "Write what was done on site"):
            incident.action_report()
        self.assertEqual(incident.state, "open")
        with self.assertRefused(UserError, "through its buttons"):
            incident.with_user(self.guard).write({"state": "reported"})
        incident.actions = "Water shut off at 14:05, the car park closed"
        incident.action_report()
        self.assertEqual(incident.state, "reported")
        self.assertTrue(incident.date_reported)
        incident.action_close()
        self.assertEqual(incident.state, "closed")
        with self.assertRefused(UserError, "already been reported"):
            incident.action_report()

    def test_major_safety_incident(self):
        incident = self.env["property.incident"].create(
            {"name": "Fire", "project_id": self.project.id, "kind": "fire", "severity": "major"}
        )
        self.assertFalse(incident.is_major_safety, "major but not of safety")
        incident.is_safety = True
        self.assertTrue(incident.is_major_safety)
        with (
            self.assertRaises(CheckViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            incident.people_injured = -1
            incident.flush_recordset()

    def test_incident_of_another_company(self):
        company, project, _building, _unit = self._moon_bay()
        incident = self.env["property.incident"].create({"name": "Fire", "project_id": project.id})
        self.assertEqual(incident.company_id, company)
        with self.assertRaises(AccessError):
            incident.with_user(self.guard).read(["name"])

    def test_idea_adopted_by_a_supervisor(self):
        idea = (
            self.env["property.improvement.idea"]
            .with_user(self.butler)
            .create({"name": "QR codes in the lifts", "project_id": self.project.id})
        )
        self.assertEqual(idea.user_id, self.butler)
        self.assertFalse(idea.can_evaluate)
        with self.assertRefused(UserError, "Only a supervisor"):
            idea.action_adopt()
        with self.assertRefused(UserError, "Only a supervisor"):
            idea.write({"saving": 100})
        idea.description = "One sticker per lift, read by the phone"
        with self.assertRefused(UserError, "Only its author"):
            idea.with_user(self.butler2).write({"description": "Something else"})
        idea = idea.with_user(self.supervisor)
        self.assertTrue(idea.can_evaluate)
        with self.assertRefused(UserError, "Write the evaluation"):
            idea.action_adopt()
        idea.action_evaluate()
        self.assertEqual(idea.state, "evaluating")
        idea.write({"evaluation": "Cheap and useful", "saving": 1200})
        idea.action_adopt()
        self.assertEqual((idea.state, idea.evaluator_id), ("adopted", self.supervisor))
        self.assertTrue(idea.date_adopted)
        with self.assertRefused(UserError, "already been decided"):
            idea.action_reject()
        with self.assertRefused(UserError, "Only its author"):
            idea.with_user(self.butler).write({"benefit": "Faster"})

    def test_demo_year(self):
        if not self.env.ref("property_butler.user_butler1", raise_if_not_found=False):
            self.skipTest("no demo data")
        project = self.env.ref("property_butler.project_sunshine")
        ideas = self.env["property.improvement.idea"].search([("project_id", "=", project.id)])
        self.assertEqual(len(ideas.filtered(lambda i: i.state == "adopted")), 2)
        incidents = self.env["property.incident"].search([("project_id", "=", project.id)])
        self.assertEqual(len(incidents), 6)
        self.assertFalse(incidents.filtered("is_major_safety"), "the target is met")
