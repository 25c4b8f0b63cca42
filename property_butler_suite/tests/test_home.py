from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.property_butler_ticket.tests.common_ticket import TicketCase

NOW = "2026-06-10 04:00:00"  # 12:00 in Shanghai
GROUP = "property_butler.property_butler_group_"
# SQL queries of one get_home_data() call, whatever the size of the estate.
# (one search_count per card: the visits' two cards made it 10 and 26, the plans' 11 and 28)
HOME_QUERIES = {"pb_butler": 11, "pb_manager": 28}


@tagged("post_install", "-at_install", "is_query_count")
class TestHome(TicketCase):
    """The home page (工作台) of each role: today's work with counts and the filtered list
    each opens, the targets of supervisors and managers, and where each role lands."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.butler | cls.supervisor | cls.manager | cls.front_desk).tz = "Asia/Shanghai"
        with freeze_time(NOW):
            now = datetime(2026, 6, 10, 4, 0)
            # Due tonight (22:00 Shanghai), due after midnight (01:00), another grid's.
            cls.due = cls._ticket(cls.repair_type, title="Leaking tap")
            cls.due.write(
                {
                    "date_response_deadline": now - timedelta(hours=1),
                    "date_resolution_deadline": datetime(2026, 6, 10, 14, 0),
                }
            )
            cls.not_due = cls._ticket(cls.repair_type, title="Squeaky door")
            cls.not_due.write(
                {
                    "date_responded": now,
                    "date_response_deadline": now + timedelta(minutes=30),
                    "date_resolution_deadline": datetime(2026, 6, 10, 17, 0),
                }
            )
            cls.elsewhere = cls._ticket(cls.repair_type, unit=cls.unit_b, title="Broken lamp")
            cls.elsewhere.write(
                {
                    "date_response_deadline": now - timedelta(hours=5),
                    "date_resolution_deadline": now - timedelta(hours=2),
                }
            )
            Callback = cls.env["property.ticket.callback"]
            cls.callback_due = Callback.create(
                {
                    "ticket_id": cls.due.id,
                    "user_id": cls.butler.id,
                    "date_scheduled": date(2026, 6, 9),
                }
            )
            cls.callback_later = Callback.create(
                {
                    "ticket_id": cls.not_due.id,
                    "user_id": cls.butler.id,
                    "date_scheduled": date(2026, 6, 12),
                }
            )

    def _home(self, user):
        with freeze_time(NOW):
            return self.env["property.home"].with_user(user).get_home_data()

    def _cards(self, data):
        return {card["key"]: card for card in data["cards"]}

    def _open(self, user, action):
        self.assertEqual(action["type"], "ir.actions.act_window")
        with freeze_time(NOW):
            return self.env[action["res_model"]].with_user(user).search(action["domain"])

    def test_butler_home_lists_todays_work_of_his_grid(self):
        data = self._home(self.butler)
        self.assertEqual(data["role"], "butler")
        self.assertFalse(data["targets"])
        self.assertEqual(data["today"], "2026-06-10")
        cards = self._cards(data)
        self.assertEqual(
            set(cards),
            {
                "tickets_due",
                "callbacks_due",
                "inspections_due",
                "vacant_units",
                "dunning_calls",
                "decoration_permits",
                "visit_follow_ups",
                "visits_month",
                "plans_due",
            },
        )
        self.assertEqual(cards["tickets_due"]["count"], 1)
        self.assertEqual(self._open(self.butler, cards["tickets_due"]["action"]), self.due)
        self.assertEqual(cards["callbacks_due"]["count"], 1)
        self.assertEqual(
            self._open(self.butler, cards["callbacks_due"]["action"]), self.callback_due
        )
        # Each card opens the very list it counts.
        for key, card in cards.items():
            self.assertEqual(len(self._open(self.butler, card["action"])), card["count"], key)
            self.assertTrue(card["title"] and card["help"], key)

    def test_after_midnight_in_his_time_zone_is_tomorrow(self):
        """01:00 in Shanghai is still 10 June in UTC: not due today."""
        self.butler.tz = "UTC"
        cards = self._cards(self._home(self.butler))
        self.assertEqual(cards["tickets_due"]["count"], 2, "both before midnight UTC")
        self.butler.tz = "Asia/Shanghai"
        self.assertEqual(self._cards(self._home(self.butler))["tickets_due"]["count"], 1)

    def test_front_desk_home(self):
        self.due.stage_id = self.env["property.ticket.stage"].search(
            [("category", "=", "new")], limit=1
        )
        log = self.env["property.handover.log"].create(
            {"kind": "front_desk", "project_id": self.project.id}
        )
        data = self._home(self.front_desk)
        self.assertEqual(data["role"], "front_desk")
        cards = self._cards(data)
        self.assertEqual(set(cards), {"tickets_to_dispatch", "handovers_today", "handover_items"})
        dispatch = self._open(self.front_desk, cards["tickets_to_dispatch"]["action"])
        self.assertIn(self.due, dispatch)
        self.assertEqual(len(dispatch), cards["tickets_to_dispatch"]["count"])
        handovers = self._open(self.front_desk, cards["handovers_today"]["action"])
        self.assertIn(log, handovers)
        self.assertEqual(len(handovers), cards["handovers_today"]["count"])
        # The demo's earlier front-desk handovers not acknowledged yet are listed too.
        self.assertEqual(set(handovers.mapped("kind")), {"front_desk"})

    def test_guard_and_department_staff_homes(self):
        """A guard's home is his rounds of today; department staff's the tickets assigned to
        them; a manager sees every card of the estate's work but the guard's."""
        self.due.user_id = self.staff
        self.assertEqual(set(self._cards(self._home(self.guard))), {"rounds_today"})
        staff_cards = self._cards(self._home(self.staff))
        self.assertEqual(set(staff_cards), {"my_tickets"})
        self.assertEqual(self._open(self.staff, staff_cards["my_tickets"]["action"]), self.due)
        manager_cards = set(self._cards(self._home(self.manager)))
        butler_cards = set(self._cards(self._home(self.butler)))
        front_desk_cards = set(self._cards(self._home(self.front_desk)))
        self.assertEqual(
            manager_cards,
            butler_cards | front_desk_cards | set(staff_cards) | {"plans_to_approve"},
        )

    def test_supervisor_targets_per_project_and_grid(self):
        # The overdue ticket of the grid; a callback with quality scored 3 (not satisfied).
        self.callback_due.write(
            {"score_attitude": 5, "score_quality": 3, "score_timeliness": 5, "score_etiquette": 5}
        )
        with freeze_time(NOW):
            self.callback_due.action_done()
        data = self._home(self.supervisor)
        self.assertEqual(data["role"], "supervisor")
        targets = data["targets"]
        self.assertEqual(targets["collection_target"], 95.0)
        self.assertEqual(
            (targets["satisfaction_target"], targets["satisfaction_item_target"]), (90.0, 85.0)
        )
        project = next(row for row in targets["projects"] if row["id"] == self.project.id)
        grid = next(row for row in targets["grids"] if row["id"] == self.grid.id)
        with freeze_time(NOW):
            overdue = self.env["property.ticket"].search(
                [("project_id", "=", self.project.id), ("is_overdue", "=", True)]
            )
        self.assertIn(self.elsewhere, overdue)
        self.assertEqual(project["overdue"], len(overdue))
        self.assertEqual(self._open(self.supervisor, project["overdue_action"]), overdue)
        self.assertEqual(grid["overdue"], len(overdue.filtered(lambda t: t.grid_id == self.grid)))
        for row in (project, grid):
            self.assertAlmostEqual(row["satisfaction"], 75.0)
            self.assertAlmostEqual(row["lowest_item"], 0.0)
            self.assertFalse(row["satisfaction_ok"], "an item below 85 %")
        # The supervisor also sees the work of his projects, not of one grid only.
        cards = self._cards(data)
        self.assertEqual(cards["tickets_due"]["count"], 2)
        self.assertIn("tickets_to_dispatch", cards)

    def test_query_count_is_fixed_whatever_the_estate_size(self):
        def grow(count):
            first = self.env["property.unit"].search_count([])
            units = self.env["property.unit"].create(
                [
                    {
                        "building_id": self.building.id,
                        "floor": 2,
                        "number": f"X{n:04d}",
                        "area": 80.0,
                    }
                    for n in range(first, first + count)
                ]
            )
            with freeze_time("2026-06-01 02:00:00"):
                for unit in units:
                    self._ticket(self.repair_type, unit=unit, title=f"Leak {unit.code}")
            self.env.flush_all()
            self.env.invalidate_all()

        counts = {}
        for size in (5, 50):
            grow(size)
            for user in (self.butler, self.manager):
                self._home(user)  # warm the caches of access rules and translations
                self.env.invalidate_all()
                with self.assertQueryCount(HOME_QUERIES[user.login]):
                    self._home(user)
                self.env.invalidate_all()
                start = self.env.cr.sql_log_count
                self._home(user)
                counts[(user.login, size)] = self.env.cr.sql_log_count - start
        for user in (self.butler, self.manager):
            self.assertEqual(counts[(user.login, 5)], counts[(user.login, 50)], user.login)
            self.assertLessEqual(counts[(user.login, 50)], HOME_QUERIES[user.login], user.login)


@tagged("post_install", "-at_install")
class TestHomeLanguage(TicketCase):
    """Every addon's cards read in the user's language: their titles and help are terms the
    translation exporter finds (a call through an alias of ``env._`` is not one)."""

    def test_cards_in_chinese(self):
        if not self.env["res.lang"]._lang_get("zh_CN").active:
            self.skipTest("Simplified Chinese is not loaded")
        Home = self.env["property.home"]
        for user in (self.supervisor, self.front_desk):
            english = Home.with_user(user).with_context(lang="en_US").get_home_data()["cards"]
            chinese = Home.with_user(user).with_context(lang="zh_CN").get_home_data()["cards"]
            self.assertEqual([c["key"] for c in chinese], [c["key"] for c in english])
            for en, zh in zip(english, chinese, strict=True):
                self.assertNotEqual(zh["title"], en["title"], f"{en['key']} in English")
                self.assertNotEqual(zh["help"], en["help"], f"{en['key']} help in English")


@tagged("post_install", "-at_install")
class TestHomeLanding(TicketCase):
    """Each role lands on its own home after login (res.users.action_id)."""

    def test_roles_land_on_their_home(self):
        home = self.env.ref("property_butler.property_home_action")
        rounds = self.env.ref("property_butler_patrol.property_patrol_round_action_mine")
        for user in (self.manager, self.supervisor, self.butler, self.front_desk, self.staff):
            self.assertEqual(user.action_id.id, home.id, user.login)
        self.assertEqual(self.guard.action_id.id, rounds.id)
        plain = new_test_user(self.env, "pb_plain", groups="base.group_user")
        self.assertFalse(plain.action_id)
        # Given a role later: the home of that role; promoted: still ours.
        plain.groups_id |= self.env.ref(GROUP + "patrol_guard")
        self.assertEqual(plain.action_id.id, rounds.id)
        plain.groups_id |= self.env.ref(GROUP + "butler")
        self.assertEqual(plain.action_id.id, home.id)
        # A home action chosen by hand is kept.
        discuss = self.env.ref("mail.action_discuss")
        plain.action_id = discuss.id
        plain.groups_id |= self.env.ref(GROUP + "supervisor")
        self.assertEqual(plain.action_id.id, discuss.id)

    def test_home_menu_first(self):
        root = self.env.ref("property_butler.property_butler_menu_root")
        menu = self.env.ref("property_butler.property_home_menu")
        first = self.env["ir.ui.menu"].search([("parent_id", "=", root.id)], limit=1)
        self.assertEqual(first, menu)
        self.assertEqual(menu.action, self.env.ref("property_butler.property_home_action"))
        # The demo staff land on their homes too.
        demo = self.env.ref("property_butler.user_butler1", raise_if_not_found=False)
        if demo:
            self.assertEqual(
                demo.action_id.id, self.env.ref("property_butler.property_home_action").id
            )


@tagged("post_install", "-at_install")
class TestHomeSession(HttpCase, TicketCase):
    def test_the_web_client_starts_on_the_home_action(self):
        for user, xmlid in (
            (self.butler, "property_butler.property_home_action"),
            (self.front_desk, "property_butler.property_home_action"),
            (self.guard, "property_butler_patrol.property_patrol_round_action_mine"),
        ):
            user.password = user.login
            self.authenticate(user.login, user.login)
            info = self.make_jsonrpc_request("/web/session/get_session_info")
            self.assertEqual(info["home_action_id"], self.env.ref(xmlid).id, user.login)

    def test_butler_tour_opens_the_tickets_due(self):
        self.butler.password = "pb_butler"
        with freeze_time(NOW):
            due = self._ticket(self.repair_type, title="Leaking tap")
        self.assertTrue(due.is_overdue)
        self.start_tour("/odoo", "property_home_tour", login="pb_butler")
