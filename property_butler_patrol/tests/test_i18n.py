from odoo.tests import tagged

from odoo.addons.property_butler.tests import common_i18n


@tagged("post_install", "-at_install")
class TestTranslations(common_i18n.TranslationsCase):
    _module = "property_butler_patrol"
    _min_terms = 100

    def test_shipped_checklists_translated(self):
        """Shipped records that people read, such as the inspection checklists, are translated."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "property_butler_patrol")]
        )._update_translations(["zh_CN"])
        item = self.env.ref(
            "property_butler_patrol.property_inspection_template_item_vacant_unit_2"
        )
        self.assertEqual(item.with_context(lang="zh_CN").name, "水、电、气开关已关闭")
