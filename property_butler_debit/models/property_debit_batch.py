import base64
import csv
import io
import logging

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.property_butler.models.ir_cron import CronBatch

_logger = logging.getLogger(__name__)

BATCH_STATES = [("draft", "Draft"), ("sent", "Sent"), ("done", "Done")]
DEFAULT_COLUMNS = "reference,partner,account_number,amount,currency,invoice,period"

# Column key -> (header, value of a debit line).
COLUMNS = {
    "reference": ("Reference", lambda line: line.reference or ""),
    "partner": ("Account Holder", lambda line: line.partner_id.name or ""),
    "account_number": ("Account Number", lambda line: line.bank_account_id.acc_number or ""),
    "bank": ("Bank", lambda line: line.bank_account_id.bank_id.name or ""),
    "bic": ("BIC", lambda line: line.bank_account_id.bank_id.bic or ""),
    "amount": ("Amount", lambda line: f"{line.amount:.2f}"),
    "currency": ("Currency", lambda line: line.currency_id.name or ""),
    "invoice": ("Invoice", lambda line: line.invoice_id.name or ""),
    "period": (
        "Period",
        lambda line: (
            fields.Date.to_string(line.invoice_id.property_period)[:7]
            if line.invoice_id.property_period
            else ""
        ),
    ),
    "mandate": ("Mandate", lambda line: line.mandate_id.name or ""),
    "mandate_date": ("Mandate Date", lambda line: fields.Date.to_string(line.mandate_id.date)),
}


class PropertyDebitBatch(models.Model):
    """The weekly list of open fee invoices sent to the bank for auto-debit."""

    _name = "property.debit.batch"
    _description = "Bank Auto-Debit List"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(BATCH_STATES, required=True, default="draft", tracking=True)
    line_ids = fields.One2many("property.debit.line", "batch_id", string="Debits")
    line_count = fields.Integer(compute="_compute_totals")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary(compute="_compute_totals", string="Total")
    journal_id = fields.Many2one(
        "account.journal",
        string="Bank Journal",
        check_company=True,
        domain="[('type', '=', 'bank')]",
        help="Journal of the payments registered from the bank's result file (default: the "
        "company's first bank journal).",
    )
    columns = fields.Char(
        required=True,
        default=DEFAULT_COLUMNS,
        help="Comma-separated column keys of the exported list. Known keys: " + ", ".join(COLUMNS),
    )

    _sql_constraints = [
        ("name_company_uniq", "UNIQUE(name, company_id)", "A debit list reference is unique."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.debit.batch") or "/"
        return super().create(vals_list)

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        for batch in self:
            batch.line_count = len(batch.line_ids)
            batch.amount_total = sum(batch.line_ids.mapped("amount"))

    def _column_keys(self):
        self.ensure_one()
        return [key.strip() for key in (self.columns or "").split(",") if key.strip()]

    @api.constrains("columns")
    def _check_columns(self):
        for batch in self:
            keys = batch._column_keys()
            unknown = [key for key in keys if key not in COLUMNS]
            if unknown or not keys:
                raise ValidationError(
                    self.env._(
                        "Unknown debit list columns: %(unknown)s. Known columns: %(known)s.",
                        unknown=", ".join(unknown) or "-",
                        known=", ".join(COLUMNS),
                    )
                )

    def _get_journal(self):
        self.ensure_one()
        journal = self.journal_id or self.env["account.journal"].search(
            [("company_id", "=", self.company_id.id), ("type", "=", "bank")], limit=1
        )
        if not journal:
            raise UserError(self.env._("The company %s has no bank journal.", self.company_id.name))
        return journal

    # ------------------------------------------------------------------
    # Export
    # ------------------------------------------------------------------
    def _export_rows(self):
        self.ensure_one()
        keys = self._column_keys()
        header = [self.env._(COLUMNS[key][0]) for key in keys]  # pylint: disable=translation-not-lazy
        rows = [[COLUMNS[key][1](line) for key in keys] for line in self.line_ids]
        return header, rows

    def _attach(self, filename, data, mimetype):
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "datas": base64.b64encode(data),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": mimetype,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_export_csv(self):
        self.ensure_one()
        header, rows = self._export_rows()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        return self._attach(f"{self.name}.csv", buffer.getvalue().encode("utf-8"), "text/csv")

    def action_export_xlsx(self):
        self.ensure_one()
        header, rows = self._export_rows()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.name[:31])
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, header, bold)
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, row)
        workbook.close()
        return self._attach(
            f"{self.name}.xlsx",
            buffer.getvalue(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    def action_mark_sent(self):
        if self.filtered(lambda b: b.state != "draft"):
            raise UserError(self.env._("Only draft debit lists can be sent."))
        self.write({"state": "sent"})

    def action_import_result(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.debit.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_batch_id": self.id},
        }

    # ------------------------------------------------------------------
    # The weekly list
    # ------------------------------------------------------------------
    @api.model
    def _cron_prepare_debit_list(self, batch_size=1000):
        """One draft list per company with the open fee invoices of the owners with an active
        mandate that are not on a pending debit already: ``batch_size`` invoices per call of the
        scheduler. A re-run adds nothing (an invoice is pending on one list at most: unique
        index). Returns the lists completed."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._prepare_debit_batch(batch_size)
        )

    @api.model
    def _prepare_debit_batch(self, batch_size):
        companies = self.env["res.company"].search([("id", "in", self.env.companies.ids)])
        mandates = self.env["property.debit.mandate"].search(
            [("state", "=", "active"), ("company_id", "in", companies.ids)]
        )
        if not mandates:
            return CronBatch(self.browse(), 0, 0)
        mandate_of = {(m.company_id.id, m.partner_id.id): m for m in mandates}
        pending = self.env["property.debit.line"].search([("state", "=", "pending")])
        domain = [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("property_period", "!=", False),
            ("payment_state", "in", ("not_paid", "partial")),
            ("amount_residual", ">", 0),
            ("id", "not in", pending.invoice_id.ids),
        ]
        # The owners with an active mandate of the invoice's company.
        owners = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    ("partner_id", "in", company_mandates.partner_id.ids),
                ]
                for company, company_mandates in mandates.grouped("company_id").items()
            ]
        )
        domain = expression.AND([domain, owners])
        Move = self.env["account.move"]
        invoices = Move.search(
            domain, order="company_id, partner_id, invoice_date_due, id", limit=batch_size
        )
        full = len(invoices) == batch_size
        remaining = Move.search_count(domain) - len(invoices) if full else 0
        by_company = {}
        for invoice in invoices:
            mandate = mandate_of[(invoice.company_id.id, invoice.partner_id.id)]
            by_company.setdefault(invoice.company_id, []).append((mandate, invoice))
        if not by_company:
            return CronBatch(self.browse(), 0, 0)
        drafts = self.search(
            [("state", "=", "draft"), ("company_id", "in", [c.id for c in by_company])]
        )
        draft_of = {}
        for batch in drafts:
            draft_of.setdefault(batch.company_id.id, batch)
        batches = self.browse()
        for company, pairs in by_company.items():
            batch = draft_of.get(company.id) or self.create({"company_id": company.id})
            self.env["property.debit.line"].create(
                [
                    {
                        "batch_id": batch.id,
                        "mandate_id": mandate.id,
                        "invoice_id": invoice.id,
                        "amount": invoice.amount_residual,
                    }
                    for mandate, invoice in pairs
                ]
            )
            batches |= batch
            _logger.info("Debit list %s: %s invoices added", batch.name, len(pairs))
        return CronBatch(batches, len(invoices), remaining)
