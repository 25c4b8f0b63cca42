import shutil

from odoo.tests import HttpCase, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestQualityTours(HttpCase, PropertyButlerCase):
    """A manager, in Chinese, reads this year's quality targets of his project."""

    def test_manager_reads_the_targets(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.env["property.budget"].create(
            {"project_id": self.project.id, "year": 2026, "amount_budget": 100, "amount_spent": 90}
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.start_tour(
            "/odoo/action-property_butler_quality.property_quality_review_action",
            "property_quality_targets",
            login=self.manager.login,
        )
