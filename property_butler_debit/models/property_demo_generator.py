import base64
import csv
import io
from datetime import timedelta

from odoo import api, models


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    def _demo_fee_history_start(self, project):
        """The owners paying by auto-debit get their bank account and mandate."""
        history = super()._demo_fee_history_start(project)
        history["mandates"] = self._demo_debit_mandates(
            history["rng"],
            history["company"],
            history["billed_partners"],
            history["profiles"],
            history["first"],
        )
        history["imports"] = {}  # {date: debit list whose result file comes that day}
        return history

    @api.model
    def _demo_fee_payments_day(self, history, day):
        """Weekly auto-debit lists on Mondays, and the bank's result file two days later."""
        result = super()._demo_fee_payments_day(history, day)
        if day.weekday() == 0 and history["mandates"]:
            batch = self.env["property.debit.batch"]._cron_prepare_debit_list()
            if batch:
                batch.write({"date": day, "journal_id": history["journal"].id})
                batch.action_mark_sent()
                if day + timedelta(days=2) <= history["today"]:
                    history["imports"][day + timedelta(days=2)] = batch
        if day in history["imports"]:
            self._demo_debit_result(history["rng"], history["imports"].pop(day), day)
        return result

    @api.model
    def _demo_fee_history_end(self, history):
        """This week's list goes to the bank: every enrolled owner's open invoice is on it. The
        butler phoned the owners whose debit failed and were debited the next week."""
        result = super()._demo_fee_history_end(history)
        batch = self.env["property.debit.batch"]._cron_prepare_debit_list()
        if batch:
            batch.write({"date": history["today"], "journal_id": history["journal"].id})
            batch.action_mark_sent()
        Activity = self.env["mail.activity"]
        done = Activity.search(
            [
                ("res_model", "=", "account.move"),
                ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_call").id),
            ]
        ).filtered(lambda a: self.env["account.move"].browse(a.res_id).payment_state != "not_paid")
        done.action_feedback(feedback=self.env._("Phoned the owner: paid by the next debit."))
        return result

    @api.model
    def _demo_debit_mandates(self, rng, company, partners, profiles, first):
        """Bank accounts and mandates of the owners paying by auto-debit (one suspended, one
        cancelled)."""
        debit = partners.filtered(lambda p: profiles.get(p.id, ("",))[0] == "debit")
        if not debit:
            return self.env["property.debit.mandate"]
        bank = self.env["res.bank"].create(
            {"name": "中国工商银行广州天河支行", "bic": "ICBKCNBJGDG"}
        )
        accounts = self.env["res.partner.bank"].create(
            [
                {
                    "partner_id": partner.id,
                    "bank_id": bank.id,
                    "acc_number": f"6222 0236 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {index:03d}",
                    "company_id": company.id,
                }
                for index, partner in enumerate(debit)
            ]
        )
        mandates = self.env["property.debit.mandate"].create(
            [
                {
                    "partner_id": account.partner_id.id,
                    "bank_account_id": account.id,
                    "company_id": company.id,
                    "date": first - timedelta(days=rng.randint(30, 700)),
                }
                for account in accounts
            ]
        )
        mandates.action_activate()
        if len(mandates) > 4:
            mandates[-1].action_suspend()
            mandates[-2].action_cancel()
            for mandate in mandates[-2:]:
                profiles[mandate.partner_id.id] = ("late", None)
            mandates = mandates[:-2]
        return mandates

    @api.model
    def _demo_debit_result(self, rng, batch, day):
        """The bank's result file two days after the list: most debits go through."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["reference", "amount", "status", "reason"])
        for line in batch.line_ids:
            failed = rng.random() < 0.08
            writer.writerow(
                [
                    line.reference,
                    f"{line.amount:.2f}",
                    "FAILED" if failed else "OK",
                    "余额不足 Insufficient funds" if failed else "",
                ]
            )
        self.env["property.debit.import"].create(
            {
                "batch_id": batch.id,
                "file": base64.b64encode(buffer.getvalue().encode()),
                "filename": f"{batch.name}-result.csv",
                "date": day,
            }
        ).action_import()
