from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Every term of the module is translated in Simplified and Traditional Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reader = TranslationModuleReader(cls.env.cr, modules=["property_butler"])
        cls.terms = {source for _module, _type, _name, _res_id, source, _value, _c in reader}

    def test_module_has_terms(self):
        self.assertGreater(len(self.terms), 100)

    def test_template_is_current(self):
        template = {entry.msgid for entry in polib.pofile(str(I18N / "property_butler.pot"))}
        missing = sorted(self.terms - template)
        self.assertFalse(
            missing, f"{len(missing)} terms missing from property_butler.pot: {missing[:20]}"
        )

    def _assert_translated(self, lang):
        catalog = {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(I18N / f"{lang}.po"))
            if entry.msgstr.strip() and "fuzzy" not in entry.flags
        }
        missing = sorted(term for term in self.terms if term not in catalog)
        self.assertFalse(
            missing, f"{len(missing)} terms not translated in {lang}.po: {missing[:20]}"
        )

    def test_simplified_chinese(self):
        self._assert_translated("zh_CN")

    def test_traditional_chinese(self):
        self._assert_translated("zh_TW")

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
        # Shipped records that people read, such as the inspection checklists, are translated.
        item = self.env.ref(
            "property_butler_patrol.property_inspection_template_item_vacant_unit_2"
        )
        self.assertEqual(item.with_context(lang="zh_CN").name, "水、电、气开关已关闭")
