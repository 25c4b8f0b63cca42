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

    def test_property_role_scope_wins_over_accounting_groups(self):
        """Accounting installed after the staff gives them all its groups (Odoo's default
        user): a guard or the front desk so made does not read every resident."""
        self._occupy(self.unit, self.owner, date_start=date(2024, 1, 1), is_billing_contact=True)
        invoicing = self.env.ref("account.group_account_invoice")
        for user in (self.guard, self.front_desk):
            user.groups_id |= invoicing
        with self.assertRaises(AccessError):
            self.owner.with_user(self.guard).read(["phone"])
        self.assertEqual(self.owner.with_user(self.front_desk).phone, self.owner.phone)
        # (Odoo's own rule lets invoicing users read every bank account: the demo's guards,
        # front desk and engineer are given no accounting group.)
