from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestFinanceReadsTheEstate(PropertyButlerCase):
    def test_finance_reads_units_and_billing_contacts(self):
        accountant = new_test_user(
            self.env, "pb_accountant", groups="account.group_account_invoice"
        )
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1), is_billing_contact=True)
        unit = self.unit.with_user(accountant)
        self.assertEqual(unit.billing_partner_id, self.owner)
        with self.assertRaises(AccessError):
            unit.write({"area": 1})
