from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install", "is_tour")
class TestResidentRepairTour(HttpCase, PropertyButlerCase):
    """A resident on his phone reports a repair with a photo from his unit's page, follows it,
    and rates the callback once staff completed it."""

    browser_size = "375x667"  # a phone
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._billing_contact(cls.unit, cls.owner)
        cls.resident = cls._portal_user("pb_tour_resident", cls.owner, tz="Asia/Shanghai")

    def test_report_follow_and_rate_a_repair(self):
        self.start_tour("/my/units", "property_portal_report_repair", login=self.resident.login)
        ticket = self.env["property.ticket"].search(
            [("unit_id", "=", self.unit.id), ("title", "=", "Water leaking under the sink")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(
            ticket.ticket_type_id,
            self.env.ref("property_butler_ticket.property_ticket_type_repair"),
        )
        self.assertIn("drips since this morning", str(ticket.description))
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "property.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(photo.mapped("name"), ["leak.png"])
        self.assertEqual(photo.mimetype, "image/png")

        # Staff repair it: the callback is scheduled for the grid's butler.
        ticket.with_user(self.butler).action_done()
        callback = ticket.callback_ids
        self.assertEqual(callback.state, "scheduled")
        self.assertEqual(callback.user_id, self.butler)

        self.start_tour("/my/tickets", "property_portal_rate_callback", login=self.resident.login)
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.channel, "portal")
        self.assertEqual(
            [
                callback.score_attitude,
                callback.score_quality,
                callback.score_timeliness,
                callback.score_etiquette,
            ],
            [5, 5, 5, 5],
        )
        self.assertEqual(callback.comment, "Fixed the same afternoon, thank you.")
        self.assertEqual(ticket.satisfaction, 100.0)
