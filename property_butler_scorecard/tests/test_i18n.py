from odoo.tests import tagged

from odoo.addons.property_butler.tests import common_i18n


@tagged("post_install", "-at_install")
class TestTranslations(common_i18n.TranslationsCase):
    _module = "property_butler_scorecard"
    _min_terms = 15
