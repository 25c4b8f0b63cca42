from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestManualRules(PropertyButlerCase):
    """The rules of the manual (S0): the 9:30 morning check, key areas patrolled hourly at
    night, the standard patrol checks and the vacant-unit checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.morning = ref("property_butler_patrol.property_inspection_template_morning_check")
        (cls.butler | cls.butler2).write({"tz": "Asia/Shanghai"})
        cls.night = ref("property_butler_patrol.property_patrol_shift_night")
        cls.day = ref("property_butler_patrol.property_patrol_shift_day")

    def _reminders(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", self.morning._name), ("res_id", "=", self.morning.id)]
        )

    def _morning_check(self, user):
        inspection = (
            self.env["property.inspection"]
            .with_user(user)
            .create({"template_id": self.morning.id, "project_id": self.project.id})
        )
        inspection.line_ids.write({"result": "ok"})
        inspection.action_done()
        return inspection

    # 9:30 morning check (S0 一): reminder, time done, late flag.

    def test_morning_check_reminder_at_930_on_working_days_once(self):
        Inspection = self.env["property.inspection"]
        # Thursday 3 December 2026, 09:30 in Shanghai (01:30 UTC).
        with freeze_time("2026-12-03 01:30:00"):
            Inspection._cron_morning_check_reminders()
            reminders = self._reminders()
            self.assertIn(self.butler, reminders.user_id)
            self.assertIn(self.butler2, reminders.user_id)
            self.assertNotIn(self.supervisor, reminders.user_id, "supervisors are not butlers")
            self.assertNotIn(self.manager, reminders.user_id)
            self.assertEqual(set(reminders.mapped("date_deadline")), {datetime(2026, 12, 3).date()})
            # Idempotent: a second run adds nothing.
            Inspection._cron_morning_check_reminders()
            self.assertEqual(self._reminders(), reminders)
            mine = reminders.filtered(lambda a: a.user_id == self.butler)
            self.assertEqual(len(mine), 1, "one reminder per butler and day")
            # Doing the check closes the butler's reminder.
            self._morning_check(self.butler)
            self.assertFalse(mine.exists())
        # Saturday and Sunday: no reminder.
        for weekend in ("2026-12-05 01:30:00", "2026-12-06 01:30:00"):
            with freeze_time(weekend):
                before = self._reminders()
                Inspection._cron_morning_check_reminders()
                self.assertEqual(self._reminders(), before)
        # Monday: a butler who already did the check gets no reminder.
        with freeze_time("2026-12-07 01:00:00"):
            self._morning_check(self.butler2)
        with freeze_time("2026-12-07 01:30:00"):
            Inspection._cron_morning_check_reminders()
            today = self._reminders().filtered(
                lambda a: a.date_deadline == datetime(2026, 12, 7).date()
            )
            self.assertIn(self.butler, today.user_id)
            self.assertNotIn(self.butler2, today.user_id)

    def test_morning_check_time_recorded_and_late_after_930(self):
        with freeze_time("2026-12-03 01:29:00"):  # 09:29 in Shanghai
            on_time = self._morning_check(self.butler)
        with freeze_time("2026-12-03 01:31:00"):  # 09:31 in Shanghai
            late = self._morning_check(self.butler2)
        self.assertEqual(on_time.datetime_done, datetime(2026, 12, 3, 1, 29))
        self.assertEqual(late.datetime_done, datetime(2026, 12, 3, 1, 31))
        self.assertFalse(on_time.is_late)
        self.assertTrue(late.is_late)
        late_ones = self.env["property.inspection"].search([("is_late", "=", True)])
        self.assertIn(late, late_ones)
        self.assertNotIn(on_time, late_ones)
        # With a grace of 5 minutes (the company's settings), 09:31 is on time, 09:36 late.
        self.company.property_morning_check_grace = 5
        self.assertFalse(late.is_late)
        with freeze_time("2026-12-03 01:36:00"):
            later = self._morning_check(self.butler2)
        self.assertTrue(later.is_late)
        # Only the morning check has a deadline hour: a cluster inspection at noon is not late.
        cluster_daily = self.env.ref(
            "property_butler_patrol.property_inspection_template_cluster_daily"
        )
        with freeze_time("2026-12-03 04:00:00"):
            other = self.env["property.inspection"].create(
                {"template_id": cluster_daily.id, "project_id": self.project.id}
            )
            other.line_ids.write({"result": "ok"})
            other.action_done()
        self.assertFalse(other.is_late)

    # Key areas (S0 3.5.2): at least hourly at night.

    def test_key_area_without_hourly_night_round_is_flagged(self):
        Checkpoint = self.env["property.checkpoint"]
        archive, gate = Checkpoint.create(
            [
                {"name": "Archive room", "project_id": self.project.id, "is_key_area": True},
                {"name": "Gate", "project_id": self.project.id},
            ]
        )
        route = self.env["property.patrol.route"].create(
            {
                "name": "Key areas",
                "project_id": self.project.id,
                "line_ids": [Command.create({"checkpoint_id": archive.id})],
            }
        )
        missing = [("night_round_missing", "=", True)]
        self.assertTrue(archive.night_round_missing, "no plan at all")
        # Only who reads the patrol plans (guards, supervisors) sees it; the front desk reads
        # the checkpoints without it.
        self.assertTrue(archive.with_user(self.guard).night_round_missing)
        self.assertEqual(
            archive.with_user(self.front_desk).read(["name"])[0]["name"], "Archive room"
        )
        with self.assertRaises(AccessError):
            archive.with_user(self.front_desk).read(["night_round_missing"])
        self.assertFalse(gate.night_round_missing, "not a key area")
        self.assertIn(archive, Checkpoint.search(missing))
        # Once a night: not enough. A day shift hourly: not at night.
        plan = self.env["property.patrol.plan"].create(
            [{"route_id": route.id, "shift_id": self.night.id, "interval_minutes": 0}]
        )
        self.env["property.patrol.plan"].create(
            [{"route_id": route.id, "shift_id": self.day.id, "interval_minutes": 60}]
        )
        archive.invalidate_recordset(["night_round_missing"])
        self.assertTrue(archive.night_round_missing)
        # Every hour of the night shift (20:00-08:00 covers 22:00-06:00): fine.
        plan.interval_minutes = 60
        archive.invalidate_recordset(["night_round_missing"])
        self.assertFalse(archive.night_round_missing)
        self.assertNotIn(archive, Checkpoint.search(missing))
        self.assertIn(archive, Checkpoint.search([("night_round_missing", "=", False)]))
        # A night shift ending at midnight leaves 00:00-06:00 without rounds.
        plan.shift_id = self.env["property.patrol.shift"].create(
            {"name": "Evening", "hour_from": 18.0, "hour_to": 0.0}
        )
        archive.invalidate_recordset(["night_round_missing"])
        self.assertTrue(archive.night_round_missing)

    def test_plan_hourly_night_rounds_of_the_key_areas(self):
        Checkpoint = self.env["property.checkpoint"].with_user(self.supervisor)
        archive, office = Checkpoint.create(
            [
                {"name": "Archive room", "project_id": self.project.id, "is_key_area": True},
                {"name": "Office", "project_id": self.project.id, "is_key_area": True},
            ]
        )
        self.assertTrue(archive.night_round_missing)
        action = (archive | office).action_plan_night_rounds()
        plan = self.env["property.patrol.plan"].search(action["domain"])
        self.assertEqual(plan.shift_id, self.night)
        self.assertEqual(plan.interval_minutes, 60)
        self.assertEqual(plan.route_id.line_ids.checkpoint_id, archive | office)
        (archive | office).invalidate_recordset(["night_round_missing"])
        self.assertFalse(archive.night_round_missing or office.night_round_missing)
        # A night of rounds: every hour from 20:00 to 08:00 (12 rounds).
        self.assertEqual(len(plan._slots(datetime(2026, 12, 3).date())), 12)
        with self.assertRefused(UserError, "already have an hourly night round"):
            archive.action_plan_night_rounds()

    # Standard checks of the manual, shipped as data and translated.

    def test_standard_patrol_checks_shipped_and_copied_translated(self):
        Item = self.env["property.checklist.item"]
        indoor = Item.search([("checkpoint_id", "=", False), ("area", "=", "indoor")])
        outdoor = Item.search([("checkpoint_id", "=", False), ("area", "=", "outdoor")])
        self.assertEqual(len(indoor), 6, "S0 3.2.1 a-f")
        self.assertEqual(len(outdoor), 7, "S0 3.2.2 a-g")
        self.assertTrue(all(outdoor.department_id), "a failed check goes to a department")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "property_butler_patrol")]
        )._update_translations(["zh_CN"])
        # A checkpoint inside the buildings gets the indoor checks, in every language.
        lobby = self.env["property.checkpoint"].create(
            {"name": "Lobby", "project_id": self.project.id, "area": "indoor"}
        )
        self.assertEqual(len(lobby.checklist_item_ids), 6)
        self.assertEqual(
            lobby.checklist_item_ids.with_context(lang="zh_CN").mapped("name"),
            indoor.with_context(lang="zh_CN").mapped("name"),
        )
        self.assertIn(
            "消防通道", "".join(lobby.with_context(lang="zh_CN").checklist_item_ids.mapped("name"))
        )
        # Adding them again adds nothing.
        lobby.action_add_standard_checks()
        self.assertEqual(len(lobby.checklist_item_ids), 6)

    def test_vacant_unit_template_has_the_guards_checks(self):
        vacant = self.env.ref("property_butler_patrol.property_inspection_template_vacant_unit")
        names = " ".join(vacant.item_ids.mapped("name")).lower()
        for word in ("lights", "smell", "noise", "leaks"):
            self.assertIn(word, names)
