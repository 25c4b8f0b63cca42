from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase

GROUP = "property_butler.property_butler_group_"


@tagged("post_install", "-at_install")
class TestTraining(PropertyButlerCase):
    """Post training (S1 3.0): the matrix of topics by role, sessions with attendance and exam
    scores, each person's readiness for the post and the pass rate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Topic = cls.env["property.training.topic"]
        cls.Session = cls.env["property.training.session"]
        cls.topic = cls.Topic.create(
            {
                "name": "Complaint handling",
                "group_ids": [(6, 0, cls.env.ref(GROUP + "butler").ids)],
                "pass_score": 60,
            }
        )

    def _session(self, topic=None, **vals):
        return self.Session.with_user(self.supervisor).create(
            {
                "topic_id": (topic or self.topic).id,
                "project_id": self.project.id,
                "date": datetime(2026, 3, 10, 6, 0),
                **vals,
            }
        )

    def test_matrix_of_the_manual(self):
        ref = self.env.ref
        topics = self.Topic.search([("code", "like", "ZB-KF-P01-")])
        self.assertEqual(len(topics), 27, "the 27 topics of NO.ZB-KF-P01")
        butler = ref(GROUP + "butler")
        duty_manager = ref("property_butler_training.property_training_topic_duty_manager")
        duty_assistant = ref("property_butler_training.property_training_topic_duty_assistant")
        self.assertIn(butler, duty_assistant.group_ids)
        self.assertNotIn(butler, duty_manager.group_ids)
        self.assertIn(duty_manager, self.manager.property_training_missing_ids)
        self.assertNotIn(duty_manager, self.butler.property_training_missing_ids)
        self.assertFalse(self.guard.property_training_missing_ids, "guards are not in this matrix")

    def test_session_results_and_readiness(self):
        self.Topic.search([("id", "!=", self.topic.id)]).active = False
        self.assertFalse(self.butler.property_training_ready)
        self.assertEqual(self.butler.property_training_missing_ids, self.topic)
        session = self._session()
        session.action_invite_required()
        invited = session.attendance_ids.user_id
        self.assertIn(self.butler, invited)
        self.assertIn(self.butler2, invited)
        self.assertIn(self.supervisor, invited, "a supervisor holds the butler's role too")
        self.assertNotIn(self.guard, invited)
        self.assertNotIn(self.front_desk, invited)
        scores = {self.butler: 85, self.butler2: 45}
        for attendance in session.attendance_ids:
            attendance.score = scores.get(attendance.user_id, 70)
        self.assertFalse(session.attendance_ids.filtered("passed"), "not before the results")
        session.with_user(self.supervisor).action_done()
        passed = session.attendance_ids.filtered("passed").user_id
        self.assertIn(self.butler, passed)
        self.assertNotIn(self.butler2, passed)
        self.assertEqual(session.passed_count, len(passed))
        self.env.invalidate_all()
        self.assertTrue(self.butler.property_training_ready)
        self.assertFalse(self.butler2.property_training_ready)

        # The retake: only butler2 still owes it.
        retake = self._session(date=datetime(2026, 4, 10, 6, 0))
        retake.action_invite_required()
        self.assertEqual(retake.attendance_ids.user_id, self.butler2)
        retake.attendance_ids.score = 75
        retake.action_done()
        self.env.invalidate_all()
        self.assertTrue(self.butler2.property_training_ready)

        rates = self.Session._pass_rate(datetime(2026, 1, 1), datetime(2027, 1, 1))
        passed_count, taken = rates[self.project.id]
        self.assertEqual(taken, len(session.attendance_ids) + 1)
        self.assertEqual(passed_count, taken - 1, "one fail, at the first session")

    def test_refusals(self):
        session = self._session()
        with self.assertRefused(UserError, "Record who attended"):
            session.action_done()
        session.attendance_ids = [(0, 0, {"user_id": self.butler.id, "score": 90})]
        session.action_done()
        with self.assertRefused(UserError, "no longer planned"):
            session.action_invite_required()
        with self.assertRefused(UserError, "cannot be cancelled"):
            session.action_cancel()

    def test_scores_are_personal(self):
        session = self._session()
        session.attendance_ids = [
            (0, 0, {"user_id": self.butler.id, "score": 90}),
            (0, 0, {"user_id": self.butler2.id, "score": 50}),
        ]
        session.action_done()
        Attendance = self.env["property.training.attendance"]
        mine = Attendance.with_user(self.butler).search([("session_id", "=", session.id)])
        self.assertEqual(mine.user_id, self.butler)
        other = session.attendance_ids.filtered(lambda a: a.user_id == self.butler2)
        with self.assertRaises(AccessError):
            other.with_user(self.butler).read(["score"])
        with self.assertRaises(AccessError):
            self._session().with_user(self.butler).write({"location": "Hall"})
        html = self._render_html(
            "property_butler_training.property_training_session_report_action",
            session,
            self.supervisor,
        )
        self.assertIn(self.butler2.name, html)
        self.assertReportFont(html)

    def test_demo_year(self):
        project = self.env.ref("property_butler.project_sunshine", raise_if_not_found=False)
        if not project or not project.unit_ids:
            self.skipTest("no demo estate")
        sessions = self.Session.search([("project_id", "=", project.id)])
        self.assertGreaterEqual(len(sessions.filtered(lambda s: s.state == "done")), 8)
        self.assertTrue(sessions.filtered(lambda s: s.state == "planned"), "one to come")
        results = sessions.attendance_ids
        self.assertTrue(results.filtered(lambda a: a.session_state == "done" and not a.passed))
