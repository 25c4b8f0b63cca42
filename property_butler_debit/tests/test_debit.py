import base64
import csv
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.property_butler_dunning.tests.common_dunning import DunningCase


@tagged("post_install", "-at_install")
class TestDebit(DunningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls._billing_contact(cls.unit, cls.owner)
        cls._billing_contact(cls.unit2, cls.tenant)
        cls.moves = cls._bill_january()
        cls.move_owner = cls.moves.filtered(lambda m: m.partner_id == cls.owner)
        cls.move_tenant = cls.moves.filtered(lambda m: m.partner_id == cls.tenant)
        Bank = cls.env["res.partner.bank"]
        cls.owner_bank = Bank.create({"partner_id": cls.owner.id, "acc_number": "DE001"})
        cls.tenant_bank = Bank.create({"partner_id": cls.tenant.id, "acc_number": "DE002"})
        cls.Mandate = cls.env["property.debit.mandate"]
        cls.Batch = cls.env["property.debit.batch"]
        cls.mandate = cls.Mandate.create(
            {"partner_id": cls.owner.id, "bank_account_id": cls.owner_bank.id}
        )
        cls.mandate.action_activate()

    def _result_file(self, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["reference", "amount", "status", "reason"])
        writer.writerows(rows)
        return base64.b64encode(buffer.getvalue().encode())

    def _import(self, batch, rows):
        return (
            self.env["property.debit.import"]
            .create({"batch_id": batch.id, "file": self._result_file(rows), "filename": "r.csv"})
            .action_import()
        )

    def _enrol_tenant(self):
        mandate = self.Mandate.create(
            {"partner_id": self.tenant.id, "bank_account_id": self.tenant_bank.id}
        )
        mandate.action_activate()
        return mandate

    def test_mandates(self):
        self.assertTrue(self.mandate.name.startswith("DDM/"))
        with self.assertRaises(ValidationError):
            self.Mandate.create(
                {"partner_id": self.owner.id, "bank_account_id": self.tenant_bank.id}
            )
        second = self.Mandate.create(
            {"partner_id": self.owner.id, "bank_account_id": self.owner_bank.id}
        )
        with self.assertRaises(ValidationError):
            second.action_activate()
            second.flush_recordset()
        self.mandate.action_suspend()
        second.action_activate()
        self.assertEqual(second.state, "active")

    def test_cron_builds_the_list_once(self):
        batch = self.Batch._cron_prepare_debit_list()
        self.assertEqual(len(batch), 1)
        self.assertEqual(batch.state, "draft")
        self.assertEqual(batch.line_ids.invoice_id, self.move_owner, "tenant not enrolled")
        self.assertAlmostEqual(batch.line_ids.amount, self.move_owner.amount_residual)
        self.assertTrue(batch.line_ids.reference.startswith(batch.name))
        self.assertFalse(self.Batch._cron_prepare_debit_list(), "a re-run adds nothing")
        self.assertEqual(len(batch.line_ids), 1)
        # A paid invoice is not debited.
        tenant_mandate = self._enrol_tenant()
        self._pay(self.move_tenant)
        self.assertFalse(self.Batch._cron_prepare_debit_list())
        self.assertFalse(tenant_mandate.line_ids)

    def test_cron_lists_a_batch_of_invoices_per_call(self):
        self._enrol_tenant()
        cron = "property_butler_debit.property_debit_batch_cron"
        batches, calls = self._run_as_scheduled(cron, "_cron_prepare_debit_list", batch_size=1)
        self.assertEqual(calls, [(1, 1), (1, 0)])
        self.assertEqual(len(batches), 1, "one list for the company, completed by the 2nd call")
        self.assertEqual(batches.line_ids.invoice_id, self.move_owner | self.move_tenant)
        again, calls = self._run_as_scheduled(cron, "_cron_prepare_debit_list", batch_size=1)
        self.assertFalse(again)
        self.assertEqual(calls, [(0, 0)], "a re-run adds nothing")

    def test_columns_are_validated(self):
        with self.assertRaises(ValidationError):
            self.Batch.create({"columns": "reference,shoe_size"})

    def test_export_csv_and_xlsx(self):
        self._enrol_tenant()
        batch = self.Batch._cron_prepare_debit_list()
        batch.columns = "reference, account_number,amount"
        action = batch.action_export_csv()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3][:-14]))
        self.assertEqual(attachment.res_id, batch.id)
        rows = list(csv.reader(io.StringIO(base64.b64decode(attachment.datas).decode())))
        self.assertEqual(rows[0], ["Reference", "Account Number", "Amount"])
        by_ref = {row[0]: row for row in rows[1:]}
        line = batch.line_ids.filtered(lambda debit: debit.partner_id == self.owner)
        self.assertEqual(by_ref[line.reference], [line.reference, "DE001", f"{line.amount:.2f}"])
        self.assertEqual(len(by_ref), 2)
        action = batch.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3][:-14]))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet_rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(sheet_rows[0], ("Reference", "Account Number", "Amount"))
        self.assertEqual(len(sheet_rows), 3)

    def test_import_pays_and_follows_up_failures(self):
        self._enrol_tenant()
        batch = self.Batch._cron_prepare_debit_list()
        ok = batch.line_ids.filtered(lambda debit: debit.partner_id == self.owner)
        ko = batch.line_ids - ok
        with freeze_time("2026-01-20"):
            self.env["property.dunning.case"]._cron_dunning()
            case = self.env["property.dunning.case"].search([("unit_id", "=", self.unit2.id)])
            self.assertTrue(case)
            self._import(
                batch,
                [
                    [ok.reference, f"{ok.amount:.2f}", "OK", ""],
                    [ko.reference, f"{ko.amount:.2f}", "FAILED", "Insufficient funds"],
                ],
            )
        self.assertEqual(ok.state, "paid")
        self.assertIn(self.move_owner.payment_state, ("paid", "in_payment"))
        self.assertEqual(ko.state, "failed")
        self.assertEqual(ko.failure_reason, "Insufficient funds")
        self.assertEqual(self.move_tenant.payment_state, "not_paid")
        activity = self.move_tenant.activity_ids
        self.assertEqual(activity.user_id, self.butler)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        log = case.log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.summary, "Bank auto-debit failed: Insufficient funds")
        self.assertEqual(log.channel, "phone")
        self.assertEqual(batch.state, "done")
        # The failed invoice goes on next week's list again.
        self.assertEqual(
            self.Batch._cron_prepare_debit_list().line_ids.invoice_id, self.move_tenant
        )

    def test_wrong_file_is_refused_whole(self):
        self._enrol_tenant()
        batch = self.Batch._cron_prepare_debit_list()
        ok = batch.line_ids.filtered(lambda debit: debit.partner_id == self.owner)
        ko = batch.line_ids - ok
        with self.assertRaises(UserError) as error:
            self._import(
                batch,
                [
                    [ok.reference, f"{ok.amount:.2f}", "OK", ""],
                    ["NOPE-1", "10.00", "OK", ""],
                    [ko.reference, f"{ko.amount + 1:.2f}", "FAILED", "x"],
                ],
            )
        message = str(error.exception)
        self.assertIn("line 3: unknown reference NOPE-1", message)
        self.assertIn(f"line 4: amount {ko.amount + 1:.2f} does not match {ko.amount:.2f}", message)
        self.assertEqual(set(batch.line_ids.mapped("state")), {"pending"})
        self.assertEqual(self.move_owner.payment_state, "not_paid")
        self.assertFalse(self.move_tenant.activity_ids)
