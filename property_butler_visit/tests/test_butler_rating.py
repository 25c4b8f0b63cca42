from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler_ticket.tests.common_ticket import TicketCase

ACTIVITY = "property_butler_visit.mail_activity_data_department_rating"


@tagged("post_install", "-at_install")
class TestButlerRating(TicketCase):
    """後臺能力的評價者: when another department finishes a ticket of his grid, the butler rates
    its speed, quality and communication; the Satisfaction Report shows the departments as
    their butlers rated them."""

    def _done_repair(self, department):
        ticket = self._ticket(self.repair_type, department_id=department.id)
        ticket.action_done()
        return ticket

    def _rating_activity(self, ticket):
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(ACTIVITY))

    def test_butler_rates_the_department_that_did_the_work(self):
        with freeze_time("2026-11-10 02:00:00"):
            ticket = self._done_repair(self.engineering)
        activity = self._rating_activity(ticket)
        self.assertEqual(activity.user_id, self.butler)
        self.assertIn(self.engineering.name, activity.summary)
        self.assertTrue(ticket.butler_rating_wanted)
        with freeze_time("2026-11-11 02:00:00"), Form(ticket.with_user(self.butler)) as form:
            form.butler_score_speed = "5"
            form.butler_score_quality = "4"
            form.butler_score_communication = "2"
            form.butler_rating_note = "修得快，但没有提前通知住户"
        self.assertEqual(str(ticket.butler_rated_on), "2026-11-11 02:00:00")
        self.assertFalse(self._rating_activity(ticket), "the request to rate is done")
        # Reopened and done again: not asked twice.
        ticket.action_reopen()
        ticket.action_done()
        self.assertFalse(self._rating_activity(ticket))

    def test_no_rating_of_customer_service_itself_nor_half_a_rating(self):
        ticket = self._done_repair(self.customer_service)
        self.assertFalse(self._rating_activity(ticket))
        self.assertFalse(ticket.butler_rating_wanted)
        other = self._done_repair(self.engineering)
        with self.assertRaises(ValidationError):
            other.write({"butler_score_speed": "3"})

    def test_residents_never_read_the_rating(self):
        ticket = self._done_repair(self.engineering)
        ticket.write(
            {
                "butler_score_speed": "3",
                "butler_score_quality": "3",
                "butler_score_communication": "3",
                "butler_rating_note": "一般",
            }
        )
        resident = self._portal_user("pb_rating_resident", self.owner)
        with self.assertRaises(AccessError):
            ticket.with_user(resident).read(["butler_rating_note"])

    def test_satisfaction_report_shows_the_departments_as_rated(self):
        with freeze_time("2026-11-10 02:00:00"):
            good = self._done_repair(self.engineering)
            poor = self._done_repair(self.engineering)
        good.write(
            {
                "butler_score_speed": "5",
                "butler_score_quality": "5",
                "butler_score_communication": "4",
            }
        )
        poor.write(
            {
                "butler_score_speed": "2",
                "butler_score_quality": "4",
                "butler_score_communication": "3",
            }
        )
        wizard = (
            self.env["property.ticket.satisfaction"]
            .with_user(self.supervisor)
            .create({"date_from": "2026-11-01", "date_to": "2026-11-30"})
        )
        data = wizard._get_report_data()
        [row] = [r for r in data["butler_ratings"] if r["label"] == self.engineering.display_name]
        self.assertEqual(row["count"], 2)
        self.assertEqual(row["averages"], [3.5, 4.5, 3.5])
        self.assertAlmostEqual(row["satisfaction"], 100.0 * 4 / 6)
        self.assertFalse(row["meets_target"], "67 % is below the 90 % target")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html(
                "property_butler_ticket.property_ticket_satisfaction_document", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("o_property_butler_ratings", html)
        self.assertIn("66.7", html)
