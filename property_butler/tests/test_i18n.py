from odoo.tests import tagged

from . import common_i18n


@tagged("post_install", "-at_install")
class TestTranslations(common_i18n.TranslationsCase):
    """Every term of the base is translated in Simplified and Traditional Chinese."""

    _module = "property_butler"
    _min_terms = 100

    def test_translations_load(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "property_butler")]
        )._update_translations(["zh_CN"])
        menu = self.env.ref("property_butler.property_unit_menu").with_context(lang="zh_CN")
        self.assertNotEqual(menu.name, "Units")
        self.assertEqual(
            self.env.ref("property_butler.property_butler_group_butler")
            .with_context(lang="zh_CN")
            .name,
            "管家",
        )
