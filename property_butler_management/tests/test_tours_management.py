import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase, local_today


@tagged("post_install", "-at_install")
class TestManagementTours(HttpCase, PropertyButlerCase):
    """A butler, in Chinese, draws up this week's plan from the menu and submits it."""

    def test_butler_submits_a_weekly_plan(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self._grid(self.butler)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.butler.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.start_tour(
            "/odoo/action-property_butler_management.property_work_plan_action",
            "property_work_plan_submit",
            login=self.butler.login,
        )
        plan = self.env["property.work.plan"].search([("user_id", "=", self.butler.id)])
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.period_type, "week")
        today = local_today(self.butler)
        self.assertEqual(plan.date_start.isocalendar()[:2], today.isocalendar()[:2])
        self.assertEqual(plan.project_id, self.project)
        self.assertEqual(plan.approver_id, self.supervisor)
        self.assertEqual(plan.item_ids.mapped("name"), ["完成本组团空置房巡查"])
        self.assertEqual(plan.item_ids.target, "每套空置房")
