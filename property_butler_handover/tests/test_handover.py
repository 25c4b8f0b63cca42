from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_butler_patrol.tests.common_patrol import PatrolEstateCase

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestHandover(PatrolEstateCase):
    def _log(self, user, taker=None, **vals):
        return (
            self.env["property.handover.log"]
            .with_user(user)
            .create(
                {
                    "kind": "security",
                    "project_id": self.project.id,
                    "shift_id": self.night.id,
                    "taken_by_id": taker and taker.id,
                    **vals,
                }
            )
        )

    def _first_log(self):
        log = self._log(
            self.guard,
            self.guard2,
            notes="22:40 delivery van let in at the north gate.",
            item_ids=[
                Command.create({"description": "Light of gate 3 broken"}),
                Command.create({"description": "Parcel for 2-1502 in the guardroom"}),
                Command.create({"description": "Lift 2 stuck", "state": "closed"}),
            ],
        )
        log.action_hand_over()
        return log

    def test_hand_over_requires_a_taker(self):
        log = self._log(self.guard)
        self.assertEqual(log.handed_by_id, self.guard)
        self.assertTrue(log.name.startswith("HO/"))
        with self.assertRefused(UserError, "Taken Over By"):
            log.action_hand_over()
        self.assertEqual(log.state, "draft")
        log.taken_by_id = self.guard
        with self.assertRefused(UserError, "to yourself"):
            log.action_hand_over()
        log.taken_by_id = self.guard2
        with self.assertRefused(UserError, "who hands over"):
            log.with_user(self.guard2).action_hand_over()
        log.with_user(self.guard).action_hand_over()
        self.assertEqual(log.state, "handed")
        self.assertTrue(log.date_handed)
        with self.assertRefused(UserError, "cannot be changed"):
            log.with_user(self.guard).notes = "rewritten"

    def test_open_items_are_carried_to_the_next_log_once(self):
        first = self._first_log().with_user(self.guard2)
        second = self._log(self.guard2, self.guard)
        self.assertEqual(second.previous_log_id, first)
        self.assertEqual(
            second.item_ids.mapped("description"),
            ["Light of gate 3 broken", "Parcel for 2-1502 in the guardroom"],
            "open items only",
        )
        self.assertEqual(second.item_ids.carried_from_id, first.item_ids[:2])
        self.assertEqual(second.carried_item_count, 2)
        second.action_carry_over()
        self.assertEqual(len(second.item_ids), 2, "carried once")
        third = self._log(self.guard2, self.guard)
        self.assertFalse(third.item_ids, "already carried into the second log")
        front_desk = self._log(self.front_desk, self.butler, kind="front_desk")
        self.assertFalse(front_desk.item_ids, "another kind of handover")
        # Closing the matter closes it where it came from too.
        second.item_ids[0].action_close()
        self.assertEqual(first.item_ids[0].state, "closed")
        self.assertEqual(first.item_ids[0].closed_by_id, self.guard2)

    def test_taker_acknowledges_before_handing_over(self):
        first = self._first_log()
        second = self._log(self.guard2, self.guard)
        with self.assertRefused(UserError, "Acknowledge the handover you took over first"):
            second.action_hand_over()
        self.assertEqual(second.state, "draft")
        with self.assertRefused(UserError, "who takes over"):
            first.with_user(self.guard).action_acknowledge()
        self.assertEqual(first.state, "handed")
        first.with_user(self.guard2).action_acknowledge()
        self.assertEqual(first.state, "acknowledged")
        self.assertTrue(first.date_acknowledged)
        with self.assertRefused(UserError, "Only a handed-over log"):
            first.with_user(self.guard2).action_acknowledge()
        second.action_hand_over()
        self.assertEqual(second.state, "handed")
        # Open items of a handed log can still be closed, not changed.
        second.item_ids[1].with_user(self.guard).action_close()
        with self.assertRefused(UserError, "only be closed"):
            second.item_ids[0].with_user(self.guard).description = "Another thing"
        with self.assertRefused(UserError, "before it is handed over"):
            self.env["property.handover.item"].with_user(self.guard).create(
                {"log_id": second.id, "description": "Late addition"}
            )

    def test_supervisor_may_acknowledge(self):
        first = self._first_log()
        first.with_user(self.supervisor).action_acknowledge()
        self.assertEqual(first.state, "acknowledged")

    def test_guards_and_front_desk_see_their_own_handovers(self):
        security = self._first_log()
        desk = self._log(self.front_desk, self.butler, kind="front_desk")
        Log = self.env["property.handover.log"]
        mine = [("project_id", "=", self.project.id)]  # the demo estate has its own logs
        self.assertEqual(Log.with_user(self.guard).search(mine), security)
        self.assertEqual(Log.with_user(self.front_desk).search(mine), desk)
        self.assertEqual(Log.with_user(self.supervisor).search(mine), security | desk)


@tagged("post_install", "-at_install")
class TestHandoverReport(PatrolEstateCase):
    def test_handover_reports(self):
        Log = self.env["property.handover.log"]
        security = Log.with_user(self.guard).create(
            {
                "kind": "security",
                "project_id": self.project.id,
                "shift_id": self.night.id,
                "taken_by_id": self.guard2.id,
                "notes": "北門燈壞了",
                "item_ids": [Command.create({"description": "2-1502 包裹在崗亭"})],
            }
        )
        security.action_hand_over()
        security.with_user(self.guard2).action_acknowledge()
        desk = Log.with_user(self.front_desk).create(
            {"kind": "front_desk", "project_id": self.project.id, "taken_by_id": self.butler.id}
        )
        html = self._render_html("property_butler_handover.property_handover_log_report", security)
        self.assertIn("Security Shift Handover Record", html)
        self.assertIn("北門燈壞了", html)
        self.assertIn("2-1502 包裹在崗亭", html)
        self.assertIn(self.guard2.name, html)
        self.assertIn("Acknowledged On", html)
        html = self._render_html("property_butler_handover.property_handover_log_report", desk)
        self.assertIn("Front Desk Handover Log", html)
        self.assertIn("Nothing to hand over.", html)
        # One record per PDF: the unpatched-qt wkhtmltopdf of CI cannot join several bodies.
        self._render_pdf("property_butler_handover.property_handover_log_report", security)


@tagged("post_install", "-at_install")
class TestHandoverStatusOnlyThroughButtons(PropertyButlerCase):
    def test_handover_status_not_written_by_hand(self):
        log = (
            self.env["property.handover.log"]
            .with_user(self.guard)
            .create({"kind": "security", "project_id": self.project.id})
        )
        with self.assertRaises(UserError):
            log.write({"state": "acknowledged"})
        self.assertEqual(log.state, "draft")
