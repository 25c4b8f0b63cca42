from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_butler.tests.common import PropertyButlerCase

CRON = "property_butler_notice.ir_cron_property_notice_check_boards"


@tagged("post_install", "-at_install")
class TestNotice(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households()
        cls._residents()
        cls.grid = cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls.grid_b = cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))
        cls.board, cls.board_b = cls.env["property.notice.board"].create(
            [
                {"name": "Lobby 2", "project_id": cls.project.id, "building_id": cls.building.id},
                {"name": "Lobby 5", "project_id": cls.project.id, "building_id": cls.building_b.id},
            ]
        )
        cls.owner.write({"mobile": "13900000001", "lang": "en_US"})
        cls.Notice = cls.env["property.notice"]

    def _notice(self, **vals):
        return self.Notice.create(
            {
                "name": "Water outage",
                "project_id": self.project.id,
                "date_post": date(2026, 3, 1),
                "date_expiry": date(2026, 3, 5),
                **vals,
            }
        )

    def test_affected_units(self):
        whole = self._notice()
        self.assertEqual(whole.affected_unit_ids, self.unit | self.unit2 | self.unit_b)
        one = self._notice(building_ids=self._set(self.building_b))
        self.assertEqual(one.affected_unit_ids, self.unit_b)
        self.assertEqual(one.affected_building_ids, self.building_b)
        one.unit_ids = self._set(self.unit)
        self.assertEqual(one.affected_unit_ids, self.unit | self.unit_b)
        self.assertEqual(one.affected_building_ids, self.building | self.building_b)

    def test_new_forms_and_dropdowns_per_role(self):
        for user in (self.front_desk, self.butler, self.supervisor, self.manager):
            for action in ("property_notice_action", "property_notice_action_outage"):
                act = self.env.ref(f"property_butler_notice.{action}")
                Notice = self.Notice.with_user(user)
                ctx = dict(safe_eval(act.context))
                form = Form(Notice.with_context(**ctx))
                self.assertEqual(form.state, "draft")
                self.assertTrue(
                    self.env["property.project"].with_user(user).name_search(""),
                    "the project dropdown offers choices",
                )
                form.name = "Test"
                form.project_id = self.project
                if ctx.get("default_is_outage"):
                    self.assertEqual(form.utility, "water")
                form.save()
                Notice.search([])
        board = Form(self.env["property.notice.board"].with_user(self.manager))
        board.name = "Gate"
        board.project_id = self.project
        board.save()

    def test_post_urgent_mails_and_sms(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.member.write({"email": "xiaoming@example.com", "lang": "zh_CN"})
        notice = self._notice(priority="urgent", unit_ids=self._set(self.unit))
        notice.with_user(self.front_desk).action_post()
        self.assertEqual(notice.state, "posted")
        self.assertTrue(notice.sent)
        mails = self.env["mail.mail"].search(
            [("model", "=", "property.notice"), ("res_id", "=", notice.id)]
        )
        self.assertEqual(mails.recipient_ids, self.owner | self.member)
        chinese = mails.filtered(lambda m: m.recipient_ids == self.member)
        self.assertIn("亲爱的住户", chinese.body_html)
        self.assertIn("Dear resident", (mails - chinese).body_html)
        sms = self.env["sms.sms"].search([("partner_id", "=", self.owner.id)])
        self.assertEqual(len(sms), 1)
        self.assertIn("Water outage", sms.body)
        with self.assertRaises(UserError):
            notice.action_post()

    def test_validation(self):
        with self.assertRaises(ValidationError):
            self._notice(date_expiry=date(2026, 2, 1))
        with self.assertRaises(ValidationError):
            self._notice(is_outage=True)
        with self.assertRaises(ValidationError):
            self._notice(
                is_outage=True,
                utility="gas",
                outage_start=datetime(2026, 3, 2, 9),
                outage_end=datetime(2026, 3, 2, 8),
            )

    def test_remove(self):
        notice = self._notice()
        with self.assertRaises(UserError):
            notice.action_remove()
        notice.action_post()
        with freeze_time("2026-03-06 08:00"):
            notice.with_user(self.butler).action_remove()
        self.assertEqual(notice.state, "removed")
        self.assertEqual(notice.removed_by_id, self.butler)
        self.assertEqual(notice.date_removed, datetime(2026, 3, 6, 8))

    def test_cron_one_activity_per_butler_per_day(self):
        expired = self._notice(board_ids=self._set(self.board))
        self._notice(name="Other", board_ids=self._set(self.board))
        fresh = self._notice(
            name="Fresh", date_expiry=date(2026, 3, 20), board_ids=self._set(self.board_b)
        )
        (self.Notice.search([("project_id", "=", self.project.id)])).action_post()
        Activity = self.env["mail.activity"]
        with freeze_time("2026-03-07 00:30"):
            self._run_as_scheduled(CRON, "_cron_check_boards")
            self.assertEqual(expired.state, "expired")
            self.assertEqual(fresh.state, "posted")
            kind = self.env.ref("property_butler_notice.mail_activity_type_notice_board")
            acts = Activity.search([("activity_type_id", "=", kind.id)])
            self.assertEqual(acts.user_id, self.butler)
            self.assertEqual(len(acts), 1)
            self.assertIn("Water outage", acts.note)
            self.assertIn("Other", acts.note)
            self._run_as_scheduled(CRON, "_cron_check_boards")
            self.assertEqual(Activity.search_count([("activity_type_id", "=", kind.id)]), 1)
        expired.action_remove()
        self.assertEqual(expired.state, "removed")

    def test_read_confirmation_and_access(self):
        notice = self._notice(priority="important", building_ids=self._set(self.building))
        notice.action_post()
        self.assertEqual(notice.unread_count, 2)  # owner and member of 1502
        mine = notice.with_user(self.resident)
        self.assertTrue(mine.name)
        mine._portal_confirm_read(self.resident.partner_id)
        mine._portal_confirm_read(self.resident.partner_id)
        notice.invalidate_recordset()
        self.assertEqual(notice.read_count, 1)
        self.assertEqual(notice.unread_count, 1)
        self.assertEqual(notice.with_user(self.butler).unread_partner_ids, self.member)
        # The neighbour lives in building 5: the notice is not his.
        with self.assertRaises(AccessError):
            notice.with_user(self.neighbour).read(["name"])
        self.assertFalse(self.env["property.notice.read"].with_user(self.neighbour).search([]))
        # Butler 2 (building 5) does not see who read in building 2.
        self.assertFalse(self.env["property.notice.read"].with_user(self.butler2).search([]))
        # Nor, restricted to his grid, who has not read it there (each user reads in his own
        # transaction: the cache is emptied in between).
        self.company.property_grid_restricted = True
        self.env.invalidate_all()
        self.assertEqual(notice.with_user(self.butler).unread_partner_ids, self.member)
        self.env.invalidate_all()
        self.assertFalse(notice.with_user(self.butler2).unread_partner_ids)
        self.assertTrue(self.env["property.notice.read"].with_user(self.butler).search([]))
        # Drafts are not shown to residents.
        draft = self._notice(name="Draft", building_ids=self._set(self.building))
        with self.assertRaises(AccessError):
            draft.with_user(self.resident).read(["name"])

    def test_reports(self):
        notice = self._notice(is_outage=True, utility="water", body="<p>停水</p>")
        notice.action_post()
        html = self._render_html(
            "property_butler_notice.property_notice_report_action", notice, user=self.front_desk
        )
        self.assertIn("停水", html)
        self.assertReportFont(html)
        wizard = (
            self.env["property.notice.log.wizard"]
            .with_user(self.front_desk)
            .create(
                {
                    "project_id": self.project.id,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "property_butler_notice.property_notice_log_report")
        empty = self.env["property.notice.log.wizard"].create(
            {
                "project_id": self.project.id,
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
            }
        )
        with self.assertRaises(UserError):
            empty.action_print()
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_notice.property_notice_report_action", notice, user=self.resident
            )
