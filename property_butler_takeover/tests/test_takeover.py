import base64
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase, png_bytes


@tagged("post_install", "-at_install")
class TestTakeover(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.developer = cls.env["res.partner"].create(
            {"name": "Sunrise Developer", "is_company": True}
        )
        cls.contractor = cls.env["res.partner"].create(
            {"name": "Glass Contractor", "is_company": True}
        )
        Item = cls.env["property.takeover.checklist.item"]
        Item.search([]).active = False
        cls.item_walls, cls.item_gas, cls.item_fire = Item.create(
            [
                {"name": "Walls", "area": "structure", "scope": "unit"},
                {"name": "Gas", "area": "gas", "scope": "unit"},
                {"name": "Fire hydrants", "area": "fire", "scope": "building"},
            ]
        )

    def _takeover(self, user=None):
        env = self.env(user=user) if user else self.env
        return env["property.takeover"].create(
            {"building_id": self.building.id, "developer_id": self.developer.id}
        )

    def test_checklist_generated_per_building_and_unit(self):
        takeover = self._takeover(self.butler)
        self.assertTrue(takeover.name.startswith("TK/"))
        lines = takeover.action_generate_lines()
        # two unit items in each of the two units, one building item once
        self.assertEqual(len(lines), 5)
        self.assertEqual(takeover.state, "in_progress")
        building_lines = lines.filtered(lambda line: not line.unit_id)
        self.assertEqual(building_lines.item_id, self.item_fire)
        self.assertEqual(lines.filtered("unit_id").unit_id, self.unit | self.unit2)
        self.assertEqual(set(lines.mapped("area")), {"structure", "gas", "fire"})
        # generating again adds only what is missing
        self.assertFalse(takeover.action_generate_lines())
        self.env["property.takeover.checklist.item"].create(
            {"name": "Sockets", "area": "power", "scope": "unit"}
        )
        self.assertEqual(len(takeover.action_generate_lines()), 2)
        self.assertEqual(takeover.line_count, 7)

    def test_finish_refused_until_every_item_checked(self):
        takeover = self._takeover()
        takeover.action_generate_lines()
        with self.assertRefused(UserError, "Check every item"):
            takeover.action_done()
        takeover.line_ids.result = "ok"
        takeover.line_ids[0].result = "defect"
        with self.assertRefused(UserError, "Record the defect"):
            takeover.action_done()
        self.assertEqual(takeover.state, "in_progress")
        action = takeover.line_ids[0].action_add_defect()
        with Form(self.env["property.takeover.defect"].with_context(**action["context"])) as form:
            form.date_deadline = date(2030, 1, 31)
            form.photo = base64.b64encode(png_bytes())
        defect = form.save()
        self.assertEqual(defect.responsible_partner_id, self.developer)
        self.assertEqual(defect.line_id, takeover.line_ids[0])
        takeover.action_done()
        self.assertEqual(takeover.state, "done")
        with self.assertRefused(UserError, "is finished"):
            takeover.action_generate_lines()

    def test_defect_follow_up_until_closed(self):
        takeover = self._takeover()
        with freeze_time("2026-03-01"):
            defect = self.env["property.takeover.defect"].create(
                {
                    "takeover_id": takeover.id,
                    "unit_id": self.unit.id,
                    "area": "doors_windows",
                    "name": "Window leaks",
                    "responsible_partner_id": self.contractor.id,
                    "user_id": self.staff.id,
                    "date_deadline": "2026-03-10",
                }
            )
        activity_type = self.env.ref("property_butler_takeover.mail_activity_data_takeover_defect")
        activity = defect.activity_ids
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, date(2026, 3, 10))
        Defect = self.env["property.takeover.defect"]
        with freeze_time("2026-03-09"):
            self.assertFalse(Defect.search([("id", "=", defect.id), ("is_overdue", "=", True)]))
        with freeze_time("2026-03-11"):
            defect.invalidate_recordset(["is_overdue"])
            self.assertTrue(defect.is_overdue)
            self.assertEqual(Defect.search([("is_overdue", "=", True)]), defect)
            self.assertEqual(takeover.overdue_defect_count, 1)
            # the deadline moved: the activity follows
            defect.date_deadline = "2026-03-20"
            self.assertEqual(defect.activity_ids.date_deadline, date(2026, 3, 20))
            self.assertEqual(len(defect.activity_ids), 1)
        with self.assertRefused(UserError, "mark it rectified first"):
            defect.action_close()
        # department staff (engineering) report the rectification
        defect.with_user(self.staff).action_rectified()
        self.assertEqual(defect.state, "rectified")
        defect.action_reopen()
        self.assertEqual(defect.state, "open")
        self.assertEqual(len(defect.activity_ids), 1)
        defect.action_rectified()
        with freeze_time("2026-03-25"):
            defect.action_close()
            self.assertEqual(defect.date_closed, date(2026, 3, 25))
            self.assertFalse(defect.is_overdue)
            self.assertFalse(Defect.search([("id", "=", defect.id), ("is_overdue", "=", True)]))
        self.assertFalse(defect.activity_ids)
        self.assertEqual(takeover.open_defect_count, 0)

    def test_access(self):
        takeover = self._takeover(self.butler)
        with self.assertRaises(AccessError):
            self.env["property.takeover"].with_user(self.front_desk).search(
                [("id", "=", takeover.id)]
            )
        with self.assertRaises(AccessError):
            takeover.with_user(self.staff).write({"developer_id": False})
        self.assertEqual(takeover.with_user(self.staff).building_id, self.building)
        with self.assertRaises(AccessError):
            self.env["property.takeover.checklist.item"].with_user(self.supervisor).create(
                {"name": "Roof", "area": "structure"}
            )
        company, _project, building, _unit = self._moon_bay()
        other = self.env["property.takeover"].create({"building_id": building.id})
        self.assertEqual(other.company_id, company)
        self.assertFalse(
            self.env["property.takeover"].with_user(self.butler).search([("id", "=", other.id)])
        )

    def test_report(self):
        takeover = self._takeover()
        takeover.action_generate_lines()
        self.env["property.takeover.defect"].create(
            {
                "takeover_id": takeover.id,
                "area": "fire",
                "name": "消防栓缺水带",
                "responsible_partner_id": self.developer.id,
                "date_deadline": "2030-01-01",
                "photo": base64.b64encode(png_bytes()),
            }
        )
        xmlid = "property_butler_takeover.property_takeover_report_action"
        html = self._render_html(xmlid, takeover, user=self.butler)
        self.assertReportFont(html)
        self.assertIn("消防栓缺水带", html)
        self.assertIn("Sunrise Developer", html)
        self.assertIn(takeover.name, html)
        # a front desk clerk is outside the report's groups; another company's staff cannot
        # read the inspection
        with self.assertRaises(AccessError):
            self._render_html(xmlid, takeover, user=self.front_desk)
        company, _project, _building, _unit = self._moon_bay()
        outsider = self._user("pb_moon_butler", "butler", company=company)
        with self.assertRaises(AccessError):
            self._render_html(xmlid, takeover, user=outsider)
        self._render_pdf(xmlid, takeover)

    def _finished(self, user=None):
        takeover = self._takeover(user)
        takeover.action_generate_lines()
        takeover.line_ids.result = "ok"
        takeover.action_done()
        return takeover

    def test_status_only_through_the_buttons(self):
        takeover = self._takeover(self.butler)
        with self.assertRefused(UserError, "buttons only"):
            takeover.write({"state": "done"})
        with self.assertRefused(UserError, "created as a draft"):
            self.env["property.takeover"].with_user(self.butler).create(
                {"building_id": self.building.id, "state": "done"}
            )
        takeover.action_generate_lines()
        self.assertEqual(takeover.state, "in_progress")
        with self.assertRefused(UserError, "Check every item"):
            takeover.action_done()
        takeover.line_ids.result = "ok"
        takeover.action_done()
        self.assertEqual(takeover.state, "done")
        # the checklist of a finished inspection is final for its inspectors
        line = takeover.line_ids[0]
        with self.assertRefused(UserError, "finished inspection cannot be changed"):
            line.result = "defect"
        with self.assertRefused(UserError, "finished inspection cannot be changed"):
            line.unlink()
        with self.assertRefused(UserError, "finished inspection cannot be changed"):
            self.env["property.takeover.line"].with_user(self.butler).create(
                {"takeover_id": takeover.id, "item_id": self.item_fire.id, "unit_id": self.unit.id}
            )
        # only a supervisor or a manager reopens it
        with self.assertRefused(UserError, "Only a supervisor or a manager"):
            takeover.action_reset()
        self.assertEqual(takeover.state, "done")
        takeover.with_user(self.supervisor).action_reset()
        self.assertEqual(takeover.state, "in_progress")
        line.result = "na"
        self.assertEqual(line.result, "na")

    def test_defect_status_only_through_the_buttons(self):
        takeover = self._takeover()
        defect = (
            self.env["property.takeover.defect"]
            .with_user(self.butler)
            .create(
                {
                    "takeover_id": takeover.id,
                    "name": "Cracked tile",
                    "responsible_partner_id": self.developer.id,
                    "date_deadline": "2030-01-31",
                }
            )
        )
        with self.assertRefused(UserError, "buttons only"):
            defect.with_user(self.staff).write({"state": "closed"})
        with self.assertRefused(UserError, "created open"):
            self.env["property.takeover.defect"].with_user(self.butler).create(
                {
                    "takeover_id": takeover.id,
                    "name": "Closed already",
                    "responsible_partner_id": self.developer.id,
                    "date_deadline": "2030-01-31",
                    "state": "closed",
                }
            )
        with self.assertRefused(UserError, "mark it rectified first"):
            defect.with_user(self.staff).action_close()
        defect.with_user(self.staff).action_rectified()
        defect.with_user(self.staff).action_close()
        self.assertEqual(defect.state, "closed")

    def test_checklist_items_read_once_per_batch(self):
        takeovers = self._takeover() | self._takeover()
        Item = type(self.env["property.takeover.checklist.item"])
        search = Item.search
        calls = []

        def counting_search(records, *args, **kwargs):
            calls.append(args)
            return search(records, *args, **kwargs)

        with patch.object(Item, "search", counting_search):
            takeovers.action_generate_lines()
        self.assertEqual(len(calls), 1)
        self.assertEqual(len(takeovers[0].line_ids), 5)
        self.assertEqual(len(takeovers[1].line_ids), 5)

    def test_checklist_item_of_another_company_refused(self):
        company, _project, _building, _unit = self._moon_bay()
        item = self.env["property.takeover.checklist.item"].create(
            {"name": "Moon Bay roof", "area": "structure", "company_id": company.id}
        )
        takeover = self._takeover()
        takeover.action_generate_lines()
        self.assertNotIn(item, takeover.line_ids.item_id)
        with self.assertRaises(UserError):
            self.env["property.takeover.line"].create(
                {"takeover_id": takeover.id, "item_id": item.id, "unit_id": self.unit.id}
            )
