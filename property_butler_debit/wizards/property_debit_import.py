import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.property_butler_billing.models.property_billing import quarter_start

RESULT_HELP = (
    "The bank's result file: CSV with a header line and the columns reference, amount, status "
    "and reason. 'reference' is the debit reference of the exported list, 'amount' the amount "
    "debited (e.g. 123.45), 'status' OK or FAILED, 'reason' why a debit failed. The whole file "
    "is refused, with the wrong lines named, if any reference is unknown or any amount does "
    "not match."
)


class PropertyDebitImport(models.TransientModel):
    _name = "property.debit.import"
    _description = "Import a Bank Auto-Debit Result File"
    _check_company_auto = True

    batch_id = fields.Many2one("property.debit.batch", required=True, check_company=True)
    company_id = fields.Many2one(related="batch_id.company_id")
    file = fields.Binary(string="Result File", required=True, help=RESULT_HELP)
    filename = fields.Char()
    help_text = fields.Text(default=RESULT_HELP, readonly=True)
    date = fields.Date(
        string="Debited On",
        required=True,
        default=fields.Date.context_today,
        help="The day the bank debited the accounts: the date of the payments registered and of "
        "the follow-up of failed debits.",
    )

    def _parse(self):
        """[(line number, debit line, status, reason)] or one UserError naming every bad line."""
        self.ensure_one()
        try:
            text = base64.b64decode(self.file).decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(self.env._("The result file is not a UTF-8 CSV file.")) from exc
        reader = csv.DictReader(io.StringIO(text))
        fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
        missing = {"reference", "amount", "status"} - set(fieldnames)
        if missing:
            raise UserError(
                self.env._("The result file misses the columns: %s.", ", ".join(sorted(missing)))
            )
        reader.fieldnames = fieldnames
        rows = [
            (number, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader, start=2)
        ]
        lines = self.env["property.debit.line"].search(
            [
                ("company_id", "=", self.batch_id.company_id.id),
                ("reference", "in", [row["reference"] for _n, row in rows]),
            ]
        )
        line_of = {line.reference: line for line in lines}
        errors, parsed, seen = [], [], set()
        for number, row in rows:
            reference, status = row.get("reference"), row.get("status", "").upper()
            line = line_of.get(reference)
            if not line or line.batch_id != self.batch_id:
                errors.append(
                    self.env._("line %(n)s: unknown reference %(ref)s", n=number, ref=reference)
                )
                continue
            if reference in seen:
                errors.append(
                    self.env._("line %(n)s: reference %(ref)s repeated", n=number, ref=reference)
                )
                continue
            seen.add(reference)
            if line.state != "pending":
                errors.append(
                    self.env._(
                        "line %(n)s: debit %(ref)s is already %(state)s",
                        n=number,
                        ref=reference,
                        state=line.state,
                    )
                )
                continue
            try:
                amount = float(row.get("amount", "").replace(",", ""))
            except ValueError:
                amount = None
            if (
                amount is None
                or float_compare(amount, line.amount, precision_rounding=line.currency_id.rounding)
                != 0
            ):
                errors.append(
                    self.env._(
                        "line %(n)s: amount %(amount)s does not match %(expected).2f",
                        n=number,
                        amount=row.get("amount"),
                        expected=line.amount,
                    )
                )
                continue
            if status not in ("OK", "FAILED"):
                errors.append(
                    self.env._(
                        "line %(n)s: status %(status)s is neither OK nor FAILED",
                        n=number,
                        status=row.get("status"),
                    )
                )
                continue
            parsed.append((number, line, status, row.get("reason", "")))
        if errors:
            raise UserError(self.env._("The result file is refused:\n%s", "\n".join(errors)))
        if not parsed:
            raise UserError(self.env._("The result file has no lines."))
        return parsed

    def action_import(self):
        self.ensure_one()
        parsed = self._parse()
        batch = self.batch_id
        journal = batch._get_journal()
        paid = self.env["property.debit.line"].concat(
            *[line for _n, line, status, _r in parsed if status == "OK"]
        )
        failed = [(line, reason) for _n, line, status, reason in parsed if status == "FAILED"]
        for line in paid:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=line.invoice_id.ids
            ).create(
                {
                    "journal_id": journal.id,
                    "amount": line.amount,
                    "payment_date": self.date,
                    "communication": line.reference,
                }
            )._create_payments()
        paid.write({"state": "paid"})
        for line, reason in failed:
            line.write({"state": "failed", "failure_reason": reason})
        self._follow_up_failures(failed)
        if not batch.line_ids.filtered(lambda line: line.state == "pending"):
            batch.state = "done"
        elif batch.state == "draft":
            batch.state = "sent"
        return {"type": "ir.actions.act_window_close"}

    def _follow_up_failures(self, failed):
        """The butler phones the owner: a call activity, and a line in the unit's dunning log
        when the unit has a case this quarter."""
        if not failed:
            return
        today = self.date or fields.Date.context_today(self)
        units = self.env["property.unit"].concat(
            *[line.invoice_id.invoice_line_ids.property_unit_id[:1] for line, _r in failed]
        )
        cases = self.env["property.dunning.case"].search(
            [("unit_id", "in", units.ids), ("quarter", "=", quarter_start(today))]
        )
        case_of = {case.unit_id.id: case for case in cases}
        call = self.env.ref("mail.mail_activity_data_call")
        logs = []
        for line, reason in failed:
            unit = line.invoice_id.invoice_line_ids.property_unit_id[:1]
            butler = unit.butler_id or line.invoice_id.invoice_user_id or self.env.user
            summary = self.env._("Bank auto-debit failed: %s", reason or "-")
            line.invoice_id.activity_schedule(
                activity_type_id=call.id,
                user_id=butler.id,
                summary=summary,
                date_deadline=today,
                note=self.env._(
                    "Debit %(ref)s of %(amount).2f failed. Phone %(partner)s.",
                    ref=line.reference,
                    amount=line.amount,
                    partner=line.partner_id.display_name,
                ),
            )
            case = case_of.get(unit.id)
            if case:
                logs.append(
                    {
                        "case_id": case.id,
                        "date": today,
                        "channel": "phone",
                        "butler_id": butler.id,
                        "summary": summary,
                    }
                )
        if logs:
            self.env["property.dunning.log"].create(logs)
