from odoo.tests import tagged

from odoo.addons.property_butler.tests.common_i18n import TranslationsCase


@tagged("post_install", "-at_install")
class TestTranslations(TranslationsCase):
    _module = "property_butler_ticket_invoice"
    _min_terms = 3
