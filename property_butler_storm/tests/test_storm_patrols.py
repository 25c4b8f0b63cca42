from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from odoo.addons.property_butler_patrol.tests.test_patrol import PatrolCase


@tagged("post_install", "-at_install")
class TestStormPatrols(PatrolCase):
    def test_storm_doubles_key_area_patrols(self):
        plan = self.env["property.patrol.plan"].create(
            {
                "route_id": self.route.id,
                "shift_id": self.night.id,
                "interval_minutes": 60,
                "tz": "Asia/Shanghai",
            }
        )
        gate_route = self.env["property.patrol.route"].create(
            {
                "name": "Gate only",
                "project_id": self.project.id,
                "line_ids": [Command.create({"checkpoint_id": self.gate.id})],
            }
        )
        gate_plan = plan.copy({"route_id": gate_route.id})
        once = plan.copy({"interval_minutes": 0})
        day = date(2026, 11, 22)
        self.assertEqual(len(plan._slots(day)), 12)
        other = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        elsewhere = self.env["property.storm.alert"].create(
            {"name": "Elsewhere", "project_ids": [Command.set(other.ids)]}
        )
        elsewhere.action_raise()
        self.assertEqual(len(plan._slots(day)), 12, "a storm elsewhere changes nothing")
        alert = self.env["property.storm.alert"].create(
            {
                "name": "Typhoon Haikui",
                "kind": "typhoon",
                "project_ids": [Command.set(self.project.ids)],
            }
        )
        alert.action_raise()
        self.assertEqual(len(plan._slots(day)), 24, "key areas twice as often")
        self.assertEqual(len(gate_plan._slots(day)), 12, "no key area on this route")
        self.assertEqual(len(once._slots(day)), 2, "once per shift becomes twice")
        alert.action_lift()
        self.assertEqual(len(plan._slots(day)), 12)

    def test_storm_rounds_come_and_go_with_the_alert(self):
        plan = self.env["property.patrol.plan"].create(
            {
                "route_id": self.route.id,
                "shift_id": self.night.id,
                "interval_minutes": 60,
                "tz": "Asia/Shanghai",
                "guard_ids": [Command.set(self.guard.ids)],
            }
        )
        Plan = self.env["property.patrol.plan"]
        with freeze_time("2026-11-22 03:00:00"):
            normal = Plan._cron_generate_rounds(days_ahead=1).filtered(lambda r: r.plan_id == plan)
            alert = self.env["property.storm.alert"].create(
                {"name": "Typhoon", "project_ids": [Command.set(self.project.ids)]}
            )
            alert.action_raise()
            extra = Plan._cron_generate_rounds(days_ahead=1).filtered(lambda r: r.plan_id == plan)
            self.assertEqual(len(extra), len(normal), "a round every half hour in between")
            alert.action_lift()
            self.assertFalse(extra.exists(), "the storm's extra rounds are dropped")
            self.assertEqual(len(normal.exists()), len(normal))
