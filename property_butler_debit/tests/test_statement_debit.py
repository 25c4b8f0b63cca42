from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.property_butler_billing.tests.test_statement import NOVEMBER, REPORT, StatementCase


@tagged("post_install", "-at_install")
class TestStatementAutoDebit(StatementCase):
    def test_auto_debit_status(self):
        Bank = self.env["res.partner.bank"]
        bank = Bank.create({"partner_id": self.owner.id, "acc_number": "6222020200112233"})
        Bank.create({"partner_id": self.other_owner.id, "acc_number": "6222020200998877"})
        mandate = self.env["property.debit.mandate"].create(
            {"partner_id": self.owner.id, "bank_account_id": bank.id, "date": date(2026, 9, 1)}
        )
        both = self.owner | self.other_owner

        def status(partner):
            stmt = self._values(both)[partner.id]
            return stmt["debit_status"], stmt["debit_account"], stmt["debit_date"]

        not_enrolled = ("not_enrolled", "************8877", False)
        self.assertEqual(status(self.owner), ("not_enrolled", "************2233", False), "draft")
        mandate.action_activate()
        enrolled = ("enrolled", "************2233", date(2026, 9, 1))
        stmts = self._values(both)
        self.assertEqual(stmts[self.owner.id]["debit_status"], "enrolled")
        self.assertNotEqual(stmts[self.other_owner.id]["debit_status"], "enrolled")
        self.assertEqual(status(self.owner), enrolled)
        self.assertEqual(status(self.other_owner), not_enrolled)
        # One search for all the contacts' mandates.
        Mandate = type(self.env["property.debit.mandate"])
        with patch.object(
            Mandate, "search_fetch", autospec=True, side_effect=Mandate.search_fetch
        ) as search:
            self._values(both | self.tenant)
        self.assertEqual(search.call_count, 1)

        owner_html, other_html = self._html(both)
        self.assertIn("Enrolled", owner_html)
        self.assertIn("************2233", owner_html)
        self.assertIn("09/01/2026", owner_html)
        self.assertIn("debited from this account every week", owner_html)
        self.assertNotIn("Not enrolled", owner_html)
        self.assertIn("Not enrolled", other_html)
        self.assertIn("************8877", other_html)
        self.assertNotIn("Mandate date", other_html)

        mandate.action_suspend()
        self.assertEqual(status(self.owner), ("suspended", *enrolled[1:]))
        self.assertIn("Suspended", self._html(self.owner)[0])
        mandate.action_cancel()
        self.assertEqual(status(self.owner), ("ended", *enrolled[1:]))
        self.assertIn("Ended", self._html(self.owner)[0])
        self.assertEqual(status(self.other_owner), not_enrolled)

    def test_without_a_mandate_not_enrolled(self):
        """A contact without any mandate reads "not enrolled" on his statement."""
        stmt = self._values(self.owner)[self.owner.id]
        self.assertNotEqual(stmt["debit_status"], "enrolled")
        self.assertEqual(stmt["debit_status"], "not_enrolled")

    def test_html_shows_the_contacts_bank_account_masked(self):
        self.owner.bank_ids = [(0, 0, {"acc_number": "6222020200112233"})]
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.owner.ids, data={"period": NOVEMBER})[0]
            .decode()
        )
        self.assertIn("************2233", html)
