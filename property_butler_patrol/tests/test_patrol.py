from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler.tests.common import PropertyButlerCase


class PatrolCase(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guard2 = cls._user("pb_guard2", "patrol_guard")
        cls.engineering = cls.env.ref("property_butler_ticket.property_department_engineering")
        cls.security = cls.env.ref("property_butler_ticket.property_department_security")
        Checkpoint = cls.env["property.checkpoint"]
        cls.gate, cls.control_room, cls.vacant = Checkpoint.create(
            [
                {"name": "North gate", "project_id": cls.project.id},
                {
                    "name": "Control room",
                    "project_id": cls.project.id,
                    "building_id": cls.building.id,
                    "is_key_area": True,
                    "checklist_item_ids": [
                        Command.create({"name": "Door locked", "department_id": cls.security.id}),
                        Command.create(
                            {
                                "name": "Fire extinguisher present",
                                "department_id": cls.engineering.id,
                            }
                        ),
                    ],
                },
                {"name": "Vacant 3-2-1501", "project_id": cls.project.id, "unit_id": cls.unit2.id},
            ]
        )
        cls.door, cls.extinguisher = cls.control_room.checklist_item_ids
        cls.route = cls.env["property.patrol.route"].create(
            {
                "name": "Night route",
                "project_id": cls.project.id,
                "expected_duration": 30,
                "line_ids": [
                    Command.create({"checkpoint_id": cls.gate.id, "sequence": 1}),
                    Command.create({"checkpoint_id": cls.control_room.id, "sequence": 2}),
                ],
            }
        )
        cls.day = cls.env.ref("property_butler_patrol.property_patrol_shift_day")
        cls.night = cls.env.ref("property_butler_patrol.property_patrol_shift_night")

    def _round(self, guard=None, start=None):
        return self.env["property.patrol.round"].create(
            {
                "route_id": self.route.id,
                "guard_id": (guard or self.guard).id,
                "date_start": start or datetime(2026, 11, 22, 13, 0),
            }
        )

    def _token(self, checkpoint):
        return checkpoint.sudo().qr_token


@tagged("post_install", "-at_install")
class TestPatrolPlans(PatrolCase):
    def test_slots_follow_the_local_shift(self):
        plan = self.env["property.patrol.plan"].create(
            {"route_id": self.route.id, "shift_id": self.day.id, "tz": "Asia/Shanghai"}
        )
        self.assertEqual(plan._slots(date(2026, 11, 22)), [datetime(2026, 11, 22, 0, 0)])
        plan.write({"shift_id": self.night.id, "interval_minutes": 60})
        slots = plan._slots(date(2026, 11, 22))
        self.assertEqual(len(slots), 12, "key areas hourly through the 12-hour night")
        self.assertEqual(slots[0], datetime(2026, 11, 22, 12, 0), "20:00 in Shanghai")
        self.assertEqual(slots[-1], datetime(2026, 11, 22, 23, 0))

    @freeze_time("2026-11-22 03:00:00")
    def test_cron_creates_rounds_ahead_once(self):
        plans = self.env["property.patrol.plan"].create(
            [
                {
                    "route_id": self.route.id,
                    "shift_id": self.night.id,
                    "interval_minutes": 60,
                    "tz": "Asia/Shanghai",
                    "guard_ids": [Command.set((self.guard | self.guard2).ids)],
                },
                {"route_id": self.route.id, "shift_id": self.day.id, "tz": "Asia/Shanghai"},
            ]
        )
        Plan = self.env["property.patrol.plan"]
        created = Plan._cron_generate_rounds(days_ahead=2)
        mine = created.filtered(lambda r: r.plan_id in plans)
        self.assertEqual(len(mine), 3 * (12 + 1), "three days of 12 night and 1 day rounds")
        self.assertEqual(
            set(mine.filtered(lambda r: r.plan_id == plans[0]).guard_id.ids),
            {self.guard.id, self.guard2.id},
            "guards take turns",
        )
        self.assertFalse(
            mine.filtered(lambda r: r.plan_id == plans[1]).guard_id,
            "a plan without guards leaves rounds unassigned",
        )
        again = Plan._cron_generate_rounds(days_ahead=2)
        self.assertFalse(again.filtered(lambda r: r.plan_id in plans), "a re-run creates nothing")
        with freeze_time("2026-11-23 03:00:00"):
            next_day = Plan._cron_generate_rounds(days_ahead=2)
            self.assertEqual(
                len(next_day.filtered(lambda r: r.plan_id in plans)),
                13,
                "only the new day's rounds",
            )

    @freeze_time("2026-11-22 03:00:00")
    def test_cron_plans_rounds_a_batch_of_plans_per_call(self):
        """The scheduler's calls each take the next plans by id (the cursor of the previous
        call), report what is left, and together plan every plan once."""
        plans = self.env["property.patrol.plan"].create(
            [{"route_id": self.route.id, "shift_id": self.day.id, "tz": "Asia/Shanghai"}] * 3
        )
        total = self.env["property.patrol.plan"].search_count([("route_id.active", "=", True)])
        self.assertGreaterEqual(total, 3)
        cron = "property_butler_patrol.property_patrol_plan_cron_generate"
        rounds, calls = self._run_as_scheduled(
            cron, "_cron_generate_rounds", days_ahead=1, batch_size=2
        )
        self.assertEqual(calls, self._batched_calls(total, 2))
        mine = rounds.filtered(lambda r: r.plan_id in plans)
        self.assertEqual(len(mine), 3 * 2, "a day round today and tomorrow, per plan")
        self.assertEqual(mine.plan_id, plans)
        again, calls = self._run_as_scheduled(
            cron, "_cron_generate_rounds", days_ahead=1, batch_size=2
        )
        self.assertEqual(calls, self._batched_calls(total, 2), "a new run starts over")
        self.assertFalse(again.filtered(lambda r: r.plan_id in plans), "and creates nothing")

    def test_same_plan_and_start_cannot_exist_twice(self):
        plan = self.env["property.patrol.plan"].create(
            {"route_id": self.route.id, "shift_id": self.day.id}
        )
        vals = {
            "plan_id": plan.id,
            "route_id": self.route.id,
            "date_start": datetime(2026, 1, 1, 0, 0),
        }
        self.env["property.patrol.round"].create(vals)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.patrol.round"].create(vals)

    def test_only_guards_patrol(self):
        with self.assertRefused(Exception, "Only patrol guards patrol"):
            self.env["property.patrol.plan"].create(
                {
                    "route_id": self.route.id,
                    "shift_id": self.day.id,
                    "guard_ids": [Command.set(self.butler.ids)],
                }
            )

    def test_route_rules(self):
        with self.assertRefused(Exception, "lists a checkpoint twice"):
            self.route.write({"line_ids": [Command.create({"checkpoint_id": self.gate.id})]})
        other = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        foreign = self.env["property.checkpoint"].create(
            {"name": "Moon gate", "project_id": other.id}
        )
        with self.assertRefused(Exception, "checkpoints of its own project"):
            self.route.write({"line_ids": [Command.create({"checkpoint_id": foreign.id})]})


@tagged("post_install", "-at_install")
class TestRemoteCheckIns(PatrolCase):
    """What exposes a check-in made away from the checkpoint (a copied QR code)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The control room is 400 m north of the gate; the route's guards walk 6 km/h at most
        # (100 m a minute): 4 minutes at least from one to the other.
        cls.gate.write({"latitude": 22.5431, "longitude": 114.0579})
        cls.control_room.write({"latitude": 22.5431 + 0.0036, "longitude": 114.0579})
        cls.route.write({"walking_speed": 6.0, "max_distance": 150})

    def _check_in(self, patrol, checkpoint, **kwargs):
        answers = {}
        if checkpoint == self.control_room:
            answers = {self.door.id: (True, ""), self.extinguisher.id: (True, "")}
        return patrol.check_in(self._token(checkpoint), answers=answers, **kwargs)

    def test_faster_than_walking_is_flagged(self):
        patrol = self._round().with_user(self.guard)
        with freeze_time("2026-11-22 13:05:00"):
            first = self._check_in(patrol, self.gate, client_ip="10.0.0.7")
        with freeze_time("2026-11-22 13:06:30"):
            second = self._check_in(patrol, self.control_room)
        first, second = (first | second).sudo()
        self.assertFalse(first.is_suspicious, "the first check-in of a round follows nothing")
        self.assertEqual(first.client_ip, "10.0.0.7")
        self.assertTrue(second.is_suspicious)
        self.assertIn("Checked in 1.5 min after North gate (400 m away)", second.suspicious_reason)
        self.assertIn("at least 4.0 min", second.suspicious_reason)
        # At walking pace: not flagged.
        patrol = self._round(start=datetime(2026, 11, 22, 14, 0)).with_user(self.guard)
        with freeze_time("2026-11-22 14:05:00"):
            self._check_in(patrol, self.gate)
        with freeze_time("2026-11-22 14:09:30"):
            walked = self._check_in(patrol, self.control_room).sudo()
        self.assertFalse(walked.is_suspicious)
        self.assertFalse(walked.suspicious_reason)

    def test_minimum_minutes_of_a_route_leg(self):
        (self.gate | self.control_room).write({"latitude": 0.0, "longitude": 0.0})
        self.route.line_ids.filtered(lambda x: x.checkpoint_id == self.control_room).min_minutes = 5
        patrol = self._round().with_user(self.guard)
        with freeze_time("2026-11-22 13:05:00"):
            self._check_in(patrol, self.gate)
        with freeze_time("2026-11-22 13:08:00"):
            checkin = self._check_in(patrol, self.control_room).sudo()
        self.assertTrue(checkin.is_suspicious, "3 minutes for a 5-minute leg")
        self.assertIn("at least 5.0 min", checkin.suspicious_reason)

    @freeze_time("2026-11-22 13:05:00")
    def test_phone_away_from_the_checkpoint_is_flagged(self):
        patrol = self._round().with_user(self.guard)
        # 2 km away, accurate to 20 m: flagged.
        far = self._check_in(patrol, self.gate, position=(22.5431 + 0.018, 114.0579, 20.0)).sudo()
        self.assertTrue(far.has_position)
        self.assertAlmostEqual(far.latitude, 22.5611, places=6)
        self.assertEqual(far.accuracy, 20.0)
        self.assertAlmostEqual(far.distance, 2002, delta=3)
        self.assertTrue(far.is_suspicious)
        self.assertIn(f"The phone was {far.distance} m from the checkpoint", far.suspicious_reason)
        # 100 m away, or 400 m away but accurate to 500 m only: not flagged.
        patrol = self._round(start=datetime(2026, 11, 22, 12, 0)).with_user(self.guard)
        near = self._check_in(patrol, self.gate, position=(22.5431 + 0.0009, 114.0579, 10.0))
        patrol = self._round(start=datetime(2026, 11, 22, 11, 0)).with_user(self.guard)
        vague = self._check_in(patrol, self.gate, position=(22.5431 + 0.0036, 114.0579, 500.0))
        self.assertFalse((near | vague).sudo().filtered("is_suspicious"))
        self.assertEqual(near.sudo().distance, 100)
        # Without a shared position nothing is flagged, and that shows.
        patrol = self._round(start=datetime(2026, 11, 22, 10, 0)).with_user(self.guard)
        unshared = self._check_in(patrol, self.gate).sudo()
        self.assertFalse(unshared.has_position)
        self.assertFalse(unshared.is_suspicious)

    @freeze_time("2026-11-22 13:05:00")
    def test_only_supervisors_read_and_filter_the_evidence(self):
        patrol = self._round().with_user(self.guard)
        self._check_in(patrol, self.gate, client_ip="10.0.0.7", position=(23.0, 114.0, 5.0))
        Checkin = self.env["property.patrol.checkin"]
        found = Checkin.with_user(self.supervisor).search([("is_suspicious", "=", True)])
        self.assertEqual(found.checkpoint_id, self.gate)
        self.assertEqual(found.with_user(self.supervisor).client_ip, "10.0.0.7")
        for field in ("client_ip", "latitude", "is_suspicious", "suspicious_reason", "distance"):
            with self.assertRaises(AccessError):
                Checkin.with_user(self.guard).search_read([], [field])
        with self.assertRaises(AccessError):
            Checkin.with_user(self.guard).search([("is_suspicious", "=", True)])
        self.assertEqual(Checkin.with_user(self.guard).search([]), found, "his own check-in")

    def test_coordinates_are_checked(self):
        with self.assertRefused(ValidationError, "the latitude goes from -90 to 90"):
            self.gate.latitude = 91.0


@tagged("post_install", "-at_install")
class TestRoundNames(PatrolCase):
    def test_name_has_no_clock_time_and_display_name_is_in_the_viewers_time_zone(self):
        plan = self.env["property.patrol.plan"].create(
            {"route_id": self.route.id, "shift_id": self.night.id, "tz": "Asia/Shanghai"}
        )
        # 16:30 UTC is 00:30 the next day in Shanghai, 17:30 in Paris.
        patrol = self._round(start=datetime(2026, 11, 22, 16, 30))
        patrol.plan_id = plan
        self.assertEqual(patrol.name, f"Night route 2026-11-23 {self.night.name}")
        self.assertNotRegex(patrol.name, r"\d:\d")
        self.assertEqual(
            patrol.with_context(tz="Asia/Shanghai").display_name, "Night route 2026-11-23 00:30"
        )
        self.assertEqual(
            patrol.with_context(tz="Europe/Paris").display_name, "Night route 2026-11-22 17:30"
        )
        # Without a time zone in the context: the user's, else the plan's.
        self.guard.tz = "Europe/Paris"
        self.assertEqual(patrol.with_user(self.guard).display_name, "Night route 2026-11-22 17:30")
        self.guard.tz = False
        patrol.invalidate_recordset(["display_name"])  # the user changed it in another request
        self.assertEqual(patrol.with_user(self.guard).display_name, "Night route 2026-11-23 00:30")
        # The calendar and the lists read the display name in the web client's time zone.
        rows = patrol.with_context(tz="Europe/Paris").web_search_read(
            [("id", "=", patrol.id)], {"display_name": {}}
        )["records"]
        self.assertEqual(rows[0]["display_name"], "Night route 2026-11-22 17:30")
        # Messages name the round in the user's time zone.
        patrol.action_close()
        with self.assertRaisesRegex(UserError, "Round Night route 2026-11-22 17:30 is closed"):
            patrol.with_user(self.guard).with_context(tz="Europe/Paris").check_in("x")

    def test_migration_renames_existing_rounds(self):
        patrol = self._round(start=datetime(2026, 11, 22, 13, 0))
        self.env.cr.execute(
            "UPDATE property_patrol_round SET name = %s WHERE id = %s",
            ["Night route 2026-11-22 13:00:00", patrol.id],
        )
        self.env.invalidate_all()
        self._run_migration("18.0.1.0.1/post-migrate.py", "18.0.1.0.0")
        self.assertEqual(patrol.name, "Night route 2026-11-22")


@tagged("post_install", "-at_install")
class TestCheckIn(PatrolCase):
    @freeze_time("2026-11-22 13:05:00")
    def test_plain_text_remark_stays_text_in_the_finding(self):
        """What the guard types is text: markup in it is shown, not interpreted."""
        patrol = self._round().with_user(self.guard)
        remark = 'Door <b>forced</b> & <a href="http://evil.example">lock</a> broken\nCalled Li'
        checkin = patrol.check_in(
            self._token(self.control_room),
            answers={self.door.id: (False, "Hinge <i>loose</i>"), self.extinguisher.id: (True, "")},
            remark=remark,
            is_problem=True,
        )
        by_department = {t.department_id: t for t in checkin.ticket_ids}
        finding = checkin.ticket_ids.filtered(lambda t: "Called Li" in (t.description or ""))
        self.assertEqual(len(finding), 1)
        description = str(finding.description)
        self.assertNotIn("<b>", description)
        self.assertIn("&lt;a href=", description, "the guard's tag is shown as typed")
        self.assertIn("&lt;b&gt;forced&lt;/b&gt;", description)
        self.assertIn("&amp;", description)
        self.assertIn("<br>", description.replace("<br/>", "<br>"), "line breaks kept")
        note = str(by_department[self.security].description)
        self.assertNotIn("<i>", note)
        self.assertIn("Hinge &lt;i&gt;loose&lt;/i&gt;", note)

    @freeze_time("2026-11-22 13:05:00")
    def test_check_in_records_server_time_answers_and_findings(self):
        patrol = self._round().with_user(self.guard)
        checkin = patrol.check_in(self._token(self.gate), remark="All quiet")
        self.assertEqual(checkin.date, datetime(2026, 11, 22, 13, 5))
        self.assertEqual(checkin.guard_id, self.guard)
        self.assertEqual(patrol.state, "in_progress")
        self.assertFalse(checkin.ticket_ids, "no problem, no finding")
        checkin = patrol.check_in(
            self._token(self.control_room),
            answers={
                self.door.id: (True, ""),
                self.extinguisher.id: (False, "Missing since Monday"),
            },
            remark="Water on the floor near the server rack",
            is_problem=True,
        )
        findings = checkin.ticket_ids
        self.assertEqual(len(findings), 2, "the failed item and the problem remark")
        item_finding = findings.filtered(lambda t: "Fire extinguisher" in t.title)
        self.assertEqual(item_finding.department_id, self.engineering)
        self.assertEqual(item_finding.kind, "finding")
        self.assertEqual(item_finding.channel, "patrol")
        self.assertEqual(item_finding.project_id, self.project)
        self.assertFalse(item_finding.unit_id, "a public-area finding has no unit")
        self.assertEqual(len(checkin.answer_ids), 2)

    @freeze_time("2026-11-22 13:05:00")
    def test_refusals(self):
        patrol = self._round()
        mine = patrol.with_user(self.guard)
        with self.assertRefused(UserError, "assigned to another guard"):
            patrol.with_user(self.guard2).check_in(self._token(self.gate))
        with self.assertRefused(UserError, "Vacant 3-2-1501 is not on your round"):
            mine.check_in(self._token(self.vacant))
        with self.assertRefused(UserError, "QR code is not valid"):
            mine.check_in("not-a-token")
        old = self._token(self.gate)
        self.gate.action_regenerate_token()
        with self.assertRefused(UserError, "QR code is not valid"):
            mine.check_in(old)
        _company, project, _building, _unit = self._moon_bay()
        foreign = self.env["property.checkpoint"].create(
            {"name": "Moon gate", "project_id": project.id}
        )
        with self.assertRefused(UserError, "QR code is not valid"):
            mine.check_in(self._token(foreign))
        mine.check_in(self._token(self.gate))
        with self.assertRefused(UserError, "already checked in at North gate"):
            mine.check_in(self._token(self.gate))
        with self.assertRefused(UserError, "not on this checkpoint's checklist"):
            mine.check_in(self._token(self.control_room), answers={self.door.id + 999: (True, "")})
        self.assertEqual(len(patrol.checkin_ids), 1, "nothing half-written")
        patrol.action_close()
        with self.assertRefused(UserError, "is closed"):
            mine.check_in(self._token(self.control_room))

    def test_close_flags_late_and_missed(self):
        with freeze_time("2026-11-22 13:00:00"):
            patrol = self._round()
        with freeze_time("2026-11-22 13:45:00"):
            patrol.with_user(self.guard).check_in(self._token(self.gate))
            patrol.action_close()
        self.assertEqual(patrol.state, "incomplete")
        self.assertEqual(patrol.late_count, 1, "checked in after the 30-minute route time")
        self.assertEqual(patrol.missed_checkpoint_ids, self.control_room)
        self.assertEqual(patrol.missed_count, 1)

    def test_cron_closes_finished_rounds(self):
        with freeze_time("2026-11-22 13:00:00"):
            untouched = self._round()
            later = self._round(start=datetime(2026, 11, 22, 20, 0))
        with freeze_time("2026-11-22 14:10:00"):
            closed = self.env["property.patrol.round"]._cron_close_overdue()
        self.assertIn(untouched, closed)
        self.assertNotIn(later, closed)
        self.assertEqual(untouched.state, "missed")
        self.assertEqual(untouched.missed_count, 2)

    def test_cron_closes_a_batch_of_rounds_per_call(self):
        with freeze_time("2026-11-22 13:00:00"):
            rounds = self.env["property.patrol.round"].concat(
                *(self._round(start=datetime(2026, 11, 22, hour, 0)) for hour in (11, 12, 13))
            )
        with freeze_time("2026-11-22 14:10:00"):
            closed, calls = self._run_as_scheduled(
                "property_butler_patrol.property_patrol_round_cron_close",
                "_cron_close_overdue",
                batch_size=2,
            )
        self.assertEqual(closed & rounds, rounds)
        self.assertEqual(calls, self._batched_calls(len(closed), 2))
        self.assertEqual(set(rounds.mapped("state")), {"missed"})

    def test_guards_see_their_own_rounds(self):
        mine = self._round()
        theirs = self._round(guard=self.guard2)
        Round = self.env["property.patrol.round"]
        self.assertEqual(
            Round.with_user(self.guard).search([("id", "in", (mine | theirs).ids)]), mine
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.guard).read(["state"])
        self.assertEqual(
            Round.with_user(self.supervisor).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )

    def test_token_is_hidden_from_guards_and_other_roles(self):
        """Only supervisors (who print the QR sheets) read tokens: a guard checks in by scanning
        the code on site, not by reading it from the database."""
        self.assertTrue(self.gate.with_user(self.supervisor).qr_token)
        for user in (self.guard, self.front_desk, self.butler):
            with self.assertRaises(AccessError):
                self.gate.with_user(user).read(["qr_token"])
            with self.assertRaises(AccessError):
                self.gate.with_user(user).read(["qr_url"])

    @freeze_time("2026-11-22 13:05:00")
    def test_check_ins_only_through_check_in(self):
        patrol = self._round()
        with self.assertRaises(AccessError):
            self.env["property.patrol.checkin"].with_user(self.guard).create(
                {
                    "round_id": patrol.id,
                    "checkpoint_id": self.vacant.id,
                    "guard_id": self.guard.id,
                    "date": datetime(2020, 1, 1),
                }
            )
        with self.assertRaises(AccessError):
            patrol.with_user(self.guard).write({"state": "done", "missed_count": 0})
        mine = patrol.with_user(self.guard)
        with self.assertRefused(UserError, "Answer every item of the checklist: Fire extinguisher"):
            mine.check_in(self._token(self.control_room), answers={self.door.id: (True, "")})
        with self.assertRefused(UserError, "Describe each problem in a note"):
            mine.check_in(
                self._token(self.control_room),
                answers={self.door.id: (False, ""), self.extinguisher.id: (True, "")},
            )
        with self.assertRefused(UserError, "Describe the problem in the remark"):
            mine.check_in(self._token(self.gate), is_problem=True)
        later = self._round(start=datetime(2026, 11, 24, 5, 0)).with_user(self.guard)
        with self.assertRefused(UserError, "has not started yet"):
            later.check_in(self._token(self.gate))
        self.assertFalse(patrol.checkin_ids | later.checkin_ids)

    @freeze_time("2026-11-22 13:05:00")
    def test_unassigned_round_is_claimed_by_the_first_guard(self):
        patrol = self.env["property.patrol.round"].create(
            {"route_id": self.route.id, "date_start": datetime(2026, 11, 22, 13, 0)}
        )
        Round = self.env["property.patrol.round"]
        self.assertIn(patrol, Round.with_user(self.guard2).search([]))
        patrol.with_user(self.guard).check_in(self._token(self.gate))
        self.assertEqual(patrol.guard_id, self.guard)
        self.assertNotIn(patrol, Round.with_user(self.guard2).search([]))
