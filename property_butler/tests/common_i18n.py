from pathlib import Path

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase
from odoo.tools.translate import TranslationModuleReader


class TranslationsCase(TransactionCase):
    """Every term of an addon of the suite is in its .pot and translated in Simplified and
    Traditional Chinese. An addon's test_i18n subclasses it with ``_module``."""

    _module = None
    _min_terms = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reader = TranslationModuleReader(cls.env.cr, modules=[cls._module])
        cls.terms = {source for _module, _type, _name, _res_id, source, _value, _c in reader}
        cls.i18n = Path(get_module_path(cls._module)) / "i18n"

    def test_module_has_terms(self):
        self.assertGreaterEqual(len(self.terms), self._min_terms)

    def test_template_is_current(self):
        template = {entry.msgid for entry in polib.pofile(str(self.i18n / f"{self._module}.pot"))}
        missing = sorted(self.terms - template)
        self.assertFalse(
            missing, f"{len(missing)} terms missing from {self._module}.pot: {missing[:20]}"
        )

    def _assert_translated(self, lang):
        catalog = {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(self.i18n / f"{lang}.po"))
            if entry.msgstr.strip() and "fuzzy" not in entry.flags
        }
        missing = sorted(term for term in self.terms if term not in catalog)
        self.assertFalse(
            missing,
            f"{len(missing)} terms of {self._module} not translated in {lang}.po: {missing[:20]}",
        )

    def test_simplified_chinese(self):
        self._assert_translated("zh_CN")

    def test_traditional_chinese(self):
        self._assert_translated("zh_TW")
