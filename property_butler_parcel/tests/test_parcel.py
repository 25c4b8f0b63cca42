from datetime import datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_parcel import ParcelCase

CRON = "property_butler_parcel.ir_cron_property_parcel_remind"


@tagged("post_install", "-at_install")
class TestParcel(ParcelCase):
    # ------------------------------------------------------------------
    # Logging and telling the resident
    # ------------------------------------------------------------------
    def test_log_tells_the_resident_by_mail_and_sms_when_configured(self):
        self.company.property_parcel_sms = False
        parcel = self._parcel()
        self.assertTrue(parcel.name.startswith("ML/"))
        self.assertEqual(parcel.tracking_number, "XA123456789CN", "numbers are kept upper-case")
        self.assertEqual((parcel.state, parcel.clerk_id), ("waiting", self.front_desk))
        self.assertEqual((parcel.company_id, parcel.quantity), (self.company, 1))
        self.assertTrue(parcel.date_notified)
        message = parcel.message_ids.filtered(lambda m: self.owner in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("XA123456789CN", message.body)
        self.assertFalse(self.env["sms.sms"].search([("partner_id", "=", self.owner.id)]))
        self.company.property_parcel_sms = True
        self._parcel(tracking_number="XA999")
        sms = self.env["sms.sms"].search([("partner_id", "=", self.owner.id)])
        self.assertEqual(len(sms), 1)
        self.assertIn("XA999", sms.body)
        self.assertEqual(sms.state, "outgoing", "queued for Odoo's SMS scheduler")

    def test_count_must_be_positive_and_unit_in_project(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._parcel(quantity=0)
        _company, _project, _building, moon_unit = self._moon_bay()
        with self.assertRaises(UserError), self.cr.savepoint():
            self._parcel(user=self.env.user, unit_id=moon_unit.id)

    def test_new_form_offers_projects_and_units_before_the_company_is_known(self):
        form = Form(self.Parcel.with_user(self.front_desk))
        form.addressee_name = self.owner.name
        form.unit_id = self.unit
        self.assertEqual(form.project_id, self.project)
        self.assertEqual(form.partner_id, self.owner, "the addressee's name matches a resident")
        parcel = form.save()
        self.assertEqual(parcel.state, "waiting")
        self.assertTrue(self.env["property.unit"].with_user(self.front_desk).name_search("150"))

    # ------------------------------------------------------------------
    # Unknown addressee
    # ------------------------------------------------------------------
    def test_unknown_addressee_goes_to_the_grids_butler_then_is_told(self):
        parcel = self._parcel(addressee_name="Chen Guodong", partner_id=False)
        self.assertEqual(parcel.state, "unknown")
        self.assertFalse(parcel.date_notified)
        activity = parcel.activity_ids
        self.assertEqual(activity.user_id, self.butler, "the butler of 3-2-1502's grid")
        self.assertIn("Chen Guodong", activity.note)
        with self.assertRefused(UserError, "Identify the resident first"):
            parcel.with_user(self.front_desk).action_pick_up()
        parcel.with_user(self.butler).partner_id = self.owner
        self.assertEqual(parcel.state, "waiting")
        self.assertFalse(parcel.activity_ids, "the identification is done")
        self.assertTrue(parcel.date_notified)
        # Without a unit: the project's supervisor.
        other = self._parcel(addressee_name="Unknown Ltd", partner_id=False, unit_id=False)
        self.assertEqual(other.activity_ids.user_id, self.supervisor)

    def test_unidentified_item_is_returned_with_a_return_record(self):
        parcel = self._parcel(addressee_name="Chen Guodong", partner_id=False)
        action = parcel.with_user(self.front_desk).action_return()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.front_desk)
            .with_context(**action["context"])
            .create({"reason": "  "})
        )
        with self.assertRefused(UserError, "reason"):
            wizard.action_confirm()
        self.assertEqual(parcel.state, "unknown", "nothing half-written")
        wizard.reason = "Nobody of this name lives here"
        wizard.action_confirm()
        self.assertEqual(parcel.state, "returned")
        self.assertEqual(parcel.returned_by_id, self.front_desk)
        self.assertEqual(parcel.return_reason, "Nobody of this name lives here")
        self.assertTrue(parcel.return_date)
        self.assertFalse(parcel.activity_ids)
        with self.assertRefused(UserError, "stays as it was recorded"):
            parcel.with_user(self.front_desk).tracking_number = "X"
        with self.assertRefused(UserError, "already left the desk"):
            parcel.with_user(self.front_desk).action_pick_up()

    # ------------------------------------------------------------------
    # Pick-up
    # ------------------------------------------------------------------
    def test_pick_up_with_signature_by_the_resident_or_a_family_member(self):
        first, second = self._parcel(), self._parcel(tracking_number="SF1")
        action = (first | second).with_user(self.front_desk).action_pick_up()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.front_desk)
            .with_context(**action["context"])
            .create({"collector_kind": "family", "collector_name": "王小明"})
        )
        with self.assertRefused(UserError, "signs for them"):
            wizard.action_confirm()
        wizard.signature = self.signature
        with self.assertRefused(UserError, "relation"):
            wizard.action_confirm()
        self.assertEqual((first | second).mapped("state"), ["waiting", "waiting"])
        wizard.collector_relation = "son"
        wizard.action_confirm()
        for parcel in first | second:
            self.assertEqual(parcel.state, "collected")
            self.assertEqual(
                (parcel.collector_kind, parcel.collector_name, parcel.collector_relation),
                ("family", "王小明", "son"),
            )
            self.assertTrue(parcel.signature)
            self.assertEqual(parcel.handed_out_by_id, self.front_desk)
            self.assertTrue(parcel.date_collected)
        third = self._parcel(tracking_number="SF2")
        self._pick_up(third)
        self.assertEqual(
            (third.collector_kind, third.collector_name), ("addressee", self.owner.name)
        )
        with self.assertRefused(UserError, "stays in the register"):
            third.with_user(self.supervisor).unlink()
        mine, neighbours = (
            self._parcel(),
            self._parcel(partner_id=self.other_owner.id, unit_id=self.unit_b.id),
        )
        with self.assertRefused(UserError, "one resident at a time"):
            (mine | neighbours).with_user(self.front_desk).action_pick_up()

    # ------------------------------------------------------------------
    # Reminder (cron)
    # ------------------------------------------------------------------
    def test_reminder_after_the_companys_days_once(self):
        self.company.property_parcel_reminder_days = 3
        with freeze_time("2026-03-02 02:00"):
            parcel = self._parcel()
            collected = self._parcel(tracking_number="SF3")
            self._pick_up(collected)
        with freeze_time("2026-03-04 02:00"):
            reminded, _calls = self._run_as_scheduled(CRON, "_cron_remind_residents")
            self.assertFalse(reminded, "two days only")
        with freeze_time("2026-03-05 03:00"):
            reminded, calls = self._run_as_scheduled(CRON, "_cron_remind_residents")
            self.assertEqual(reminded, parcel)
            self.assertEqual(calls, [(1, 0)])
            self.assertEqual(parcel.date_reminded, datetime(2026, 3, 5, 3, 0))
            told = parcel.message_ids.filtered(lambda m: self.owner in m.partner_ids)
            self.assertEqual(len(told), 2, "told when logged, reminded once")
            again, _calls = self._run_as_scheduled(CRON, "_cron_remind_residents")
            self.assertFalse(again, "idempotent")
            told = parcel.message_ids.filtered(lambda m: self.owner in m.partner_ids)
            self.assertEqual(len(told), 2)
        self.company.property_parcel_reminder_days = 0
        with freeze_time("2026-03-20 03:00"):
            late = self._parcel(tracking_number="SF4")
        with freeze_time("2026-03-30 03:00"):
            reminded, _calls = self._run_as_scheduled(CRON, "_cron_remind_residents")
            self.assertFalse(reminded, "0 days: no reminder")
            self.assertFalse(late.date_reminded)

    def test_reminder_in_batches(self):
        self.company.property_parcel_reminder_days = 1
        with freeze_time("2026-03-02 02:00"):
            parcels = self.Parcel.with_context(property_parcel_no_notify=True).create(
                [
                    {
                        "project_id": self.project.id,
                        "addressee_name": self.owner.name,
                        "unit_id": self.unit.id,
                        "partner_id": self.owner.id,
                        "date_notified": datetime(2026, 3, 2, 2, 0),
                    }
                    for _i in range(5)
                ]
            )
        with freeze_time("2026-03-04 02:00"):
            reminded, calls = self._run_as_scheduled(CRON, "_cron_remind_residents", batch_size=2)
        self.assertEqual(reminded, parcels)
        self.assertEqual(calls, self._batched_calls(5, 2))

    # ------------------------------------------------------------------
    # Shift handovers
    # ------------------------------------------------------------------
    def _handover(self, user, taker, **vals):
        return (
            self.env["property.handover.log"]
            .with_user(user)
            .create(
                {
                    "kind": "front_desk",
                    "project_id": self.project.id,
                    "taken_by_id": taker.id,
                    **vals,
                }
            )
        )

    def test_uncollected_items_go_on_the_handover_until_collected(self):
        waiting = self._parcel()
        unknown = self._parcel(addressee_name="Chen Guodong", partner_id=False)
        collected = self._parcel(tracking_number="SF5")
        self._pick_up(collected)
        front_desk2 = self._user("pb_front_desk2", "front_desk")
        log = self._handover(self.front_desk, front_desk2)
        log.action_hand_over()
        self.assertEqual(log.item_ids.parcel_id, waiting | unknown)
        item = log.item_ids.filtered(lambda i: i.parcel_id == waiting)
        self.assertIn("XA123456789CN", item.description)
        self.assertIn("3-2-1502", item.description)
        # The next shift carries them; once collected, the matter is closed everywhere.
        log.with_user(front_desk2).action_acknowledge()
        second = self._handover(front_desk2, self.front_desk)
        self.assertEqual(second.item_ids.parcel_id, waiting | unknown, "carried with the item")
        second.action_hand_over()
        self.assertEqual(len(second.item_ids), 2, "not listed twice")
        self._pick_up(waiting, user=front_desk2)
        self.assertEqual(set(waiting.handover_item_ids.mapped("state")), {"closed"})
        self.assertEqual(unknown.handover_item_ids.mapped("state"), ["open", "open"])
        # Security handovers are not the desk's.
        guard_log = self._handover(self.guard, self.supervisor, kind="security")
        guard_log._add_uncollected_parcels()
        self.assertFalse(guard_log.item_ids.parcel_id)

    # ------------------------------------------------------------------
    # Who sees what
    # ------------------------------------------------------------------
    def test_record_rules(self):
        mine = self._parcel()
        neighbours = self._parcel(
            partner_id=self.other_owner.id,
            unit_id=self.unit_b.id,
            addressee_name=self.other_owner.name,
        )
        both = mine | neighbours
        # Portal: own items only, read only.
        self.assertEqual(self.Parcel.with_user(self.resident).search([]), mine)
        with self.assertRaises(AccessError):
            neighbours.with_user(self.resident).read(["tracking_number"])
        with self.assertRaises(AccessError):
            mine.with_user(self.resident).write({"note": "x"})
        # Front desk and butlers see the company's desk; with the grid restriction butlers
        # see their grids' items only, supervisors all.
        self.assertEqual(
            self.Parcel.with_user(self.front_desk).search([("id", "in", both.ids)]), both
        )
        self.assertEqual(self.Parcel.with_user(self.butler).search([("id", "in", both.ids)]), both)
        self.company.property_grid_restricted = True
        self.env.invalidate_all()
        self.assertEqual(self.Parcel.with_user(self.butler).search([("id", "in", both.ids)]), mine)
        self.assertEqual(
            self.Parcel.with_user(self.butler2).search([("id", "in", both.ids)]), neighbours
        )
        self.assertEqual(
            self.Parcel.with_user(self.supervisor).search([("id", "in", both.ids)]), both
        )
        # Guards and department staff have no access; another company's desk sees nothing.
        for user in (self.guard, self.staff):
            with self.assertRaises(AccessError):
                self.Parcel.with_user(user).search([])
        other_company, _project, _building, _unit = self._moon_bay()
        other_desk = self._user("pb_other_desk", "front_desk", company=other_company)
        self.assertFalse(self.Parcel.with_user(other_desk).search([("id", "in", both.ids)]))

    def test_register_prints_the_signature(self):
        parcel = self._parcel(quantity=2)
        self._pick_up(parcel)
        waiting = self._parcel(tracking_number="SF6")
        html = self._render_html(
            "property_butler_parcel.property_parcel_report_register_action",
            parcel | waiting,
            user=self.front_desk,
        )
        self.assertReportFont(html)
        self.assertIn("XA123456789CN", html)
        self.assertIn("3-2-1502", html)
        self.assertEqual(html.count('class="o_parcel_signature"'), 1)
        self.assertIn("data:image/png;base64,", html)
        zh = (
            self._render_html(
                "property_butler_parcel.property_parcel_report_register_action",
                parcel,
                user=self.front_desk,
                lang="zh_TW",
            )
            if self.env["res.lang"]._lang_get("zh_TW")
            else ""
        )
        if zh:
            self.assertIn("業主信件簽收表", zh)
        with self.assertRaises(AccessError):
            self._render_html(
                "property_butler_parcel.property_parcel_report_register_action",
                parcel,
                user=self.guard,
            )
