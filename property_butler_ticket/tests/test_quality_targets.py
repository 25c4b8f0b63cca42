from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_ticket import TicketCase

SCORES = ("score_attitude", "score_quality", "score_timeliness", "score_etiquette")


@tagged("post_install", "-at_install")
class TestComplaintRules(TicketCase):
    """Seed 000 五 and 001 1.2: who hears of a complaint, what closes it, the major ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cleaning = cls.env.ref("property_butler_ticket.property_department_cleaning")
        cls.cleaning_lead = cls._user("pb_cleaning_lead", "department_staff")
        cls.cleaning.leader_id = cls.cleaning_lead

    def test_department_complained_about_is_notified(self):
        """ "通知被投訴部門主管": the leader of the department responsible follows the complaint
        and gets an activity, although customer service handles it."""
        complaint = self._ticket(self.complaint_type, department_id=self.customer_service.id)
        complaint.responsible_department_id = self.cleaning
        activity = complaint.activity_ids.filtered(lambda a: a.user_id == self.cleaning_lead)
        self.assertEqual(len(activity), 1)
        self.assertIn(self.cleaning.name, activity.summary)
        self.assertIn(self.cleaning_lead.partner_id, complaint.message_partner_ids)
        # Set at creation too.
        other = self._ticket(self.complaint_type, responsible_department_id=self.cleaning.id)
        self.assertTrue(other.activity_ids.filtered(lambda a: a.user_id == self.cleaning_lead))
        # Not for repairs (the department responsible is a complaint's).
        repair = self._ticket(self.repair_type)
        repair.responsible_department_id = self.cleaning
        self.assertFalse(repair.activity_ids.filtered(lambda a: a.user_id == self.cleaning_lead))

    def test_valid_complaint_needs_corrective_action(self):
        complaint = self._ticket(self.complaint_type)
        vals = self._close_complaint_fields()
        vals.pop("corrective_action")
        complaint.write(vals)
        with self.assertRefused(ValidationError, "corrective action"):
            complaint.action_done()
        self.assertFalse(complaint.is_closed, "nothing half-written")
        complaint.corrective_action = "<p>Corridor rounds checked by the team leader.</p>"
        complaint.action_done()
        self.assertTrue(complaint.is_closed)
        # An invalid complaint has nothing to correct.
        invalid = self._ticket(self.complaint_type)
        invalid.write(
            {
                **vals,
                "judgement": "invalid",
                "judgement_reason": "Outside the company's responsibility",
            }
        )
        invalid.action_done()
        self.assertTrue(invalid.is_closed)

    def test_major_complaints_counted_against_the_yearly_target(self):
        with freeze_time("2026-03-10 02:00:00"):
            first = self._ticket(self.complaint_type)
            first.is_major = True
            self.assertEqual(first.major_complaint_year_count, 1)
            second = self._ticket(self.complaint_type)
            second.is_major = True
        self.assertEqual(second.major_complaint_year_count, 2)
        activity = second.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(activity), 1, "a major complaint goes to the manager")
        self.assertIn("2 this year (target: at most 1)", activity.summary)
        with freeze_time("2027-01-05 02:00:00"):
            next_year = self._ticket(self.complaint_type)
            next_year.is_major = True
        self.assertEqual(next_year.major_complaint_year_count, 1)
        # 2027-01-01 00:30 in Shanghai is 2026-12-31 16:30 UTC: the new year's complaint.
        with freeze_time("2026-12-31 15:30:00"):  # 23:30 in Shanghai: still 2026's third
            self._ticket(self.complaint_type).is_major = True
        with freeze_time("2026-12-31 16:30:00"):
            new_year = self._ticket(self.complaint_type)
            new_year.is_major = True
        new_year.invalidate_recordset(["major_complaint_year_count"])
        self.assertEqual(new_year.with_context(tz="Asia/Shanghai").major_complaint_year_count, 2)


@tagged("post_install", "-at_install")
class TestSatisfactionRate(TicketCase):
    """滿意率 (seed 001 1.2.1): the share of answers scored 4 (satisfied) or 5 (very satisfied);
    the target is at least 90 % overall and no item below 85 %."""

    def _scored(self, scores, department=None, day="2026-03-10"):
        with freeze_time(day):
            repair = self._ticket(
                self.repair_type, department_id=(department or self.engineering).id
            )
            repair.action_done()
            callback = repair.callback_ids
            callback.write(dict(zip(SCORES, scores, strict=True)))
            callback.action_done()
        return callback

    def test_share_of_satisfied_answers(self):
        first = self._scored((5, 4, 5, 5))
        self.assertEqual(first.satisfaction, 100.0, "4 counts as satisfied")
        second = self._scored((5, 3, 4, 5))
        self.assertEqual(second.satisfaction, 75.0, "3 of 4 answers satisfied")
        self.assertEqual((second.rate_quality, second.rate_timeliness), (0.0, 100.0))
        stats = self.env["property.ticket.callback"]._satisfaction(
            [("unit_id", "=", self.unit.id)], "department_id"
        )[self.engineering]
        self.assertEqual(stats["count"], 2)
        self.assertAlmostEqual(stats["satisfaction"], 87.5)
        self.assertAlmostEqual(stats["items"]["score_quality"], 50.0)
        self.assertAlmostEqual(stats["items"]["score_attitude"], 100.0)
        self.assertAlmostEqual(stats["lowest_item"], 50.0)
        self.assertFalse(stats["meets_target"])

    def test_target_met_at_ninety_with_no_item_below_eighty_five(self):
        # 10 callbacks: 9 all satisfied, 1 with quality at 3 → 97.5 % overall, quality 90 %.
        for _i in range(9):
            self._scored((5, 5, 4, 5))
        self._scored((5, 3, 5, 5))
        stats = self.env["property.ticket.callback"]._satisfaction(
            [("unit_id", "=", self.unit.id)], "department_id"
        )[self.engineering]
        self.assertAlmostEqual(stats["satisfaction"], 97.5)
        self.assertAlmostEqual(stats["lowest_item"], 90.0)
        self.assertTrue(stats["meets_target"])
        # A company with a stricter item target.
        self.env.company.property_satisfaction_item_target = 95.0
        wizard = self._wizard()
        row = wizard._rows("department_id", "")[0]
        self.assertFalse(row["meets_target"])

    def _wizard(self, user=None, **vals):
        Wizard = self.env["property.ticket.satisfaction"]
        if user:
            Wizard = Wizard.with_user(user)
        with Form(Wizard) as form:
            form.project_id = self.project
            form.date_from = date(2026, 1, 1)
            form.date_to = date(2026, 12, 31)
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record

    def test_report_per_department_butler_and_month(self):
        self._scored((5, 5, 5, 5), day="2026-02-10")
        self._scored((5, 2, 4, 5), department=self.customer_service, day="2026-03-10")
        wizard = self._wizard(user=self.supervisor)
        data = wizard._get_report_data()
        self.assertAlmostEqual(data["total"]["satisfaction"], 87.5)
        sections = dict(data["sections"])
        by_department = {row["label"]: row for row in sections["Per Department"]}
        self.assertTrue(by_department[self.engineering.display_name]["meets_target"])
        self.assertFalse(by_department[self.customer_service.display_name]["meets_target"])
        self.assertEqual([row["label"] for row in sections["Per Month"]], ["2026-02", "2026-03"])
        self.assertEqual(
            [row["label"] for row in sections["Per Butler"]], [self.butler.display_name]
        )
        html = self._render_html(
            "property_butler_ticket.property_ticket_satisfaction_report_html",
            wizard,
            user=self.supervisor,
        )
        self.assertIn("Below target", html)
        self.assertIn("o_below_target", html)
        self.assertIn("87.5", html)
        self._render_pdf("property_butler_ticket.property_ticket_satisfaction_report", wizard)
        action = wizard.action_view()
        self.assertEqual(action["report_type"], "qweb-html")

    def test_report_refuses_butlers_and_bad_periods(self):
        wizard = self._wizard()
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_ticket.property_ticket_satisfaction_report_html",
                wizard,
                user=self.butler,
            )
        wizard.date_to = date(2025, 12, 31)
        with self.assertRaises(UserError):
            wizard.action_print()
