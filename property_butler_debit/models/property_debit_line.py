from odoo import api, fields, models

LINE_STATES = [("pending", "Pending"), ("paid", "Paid"), ("failed", "Failed")]


class PropertyDebitLine(models.Model):
    """One open fee invoice sent to the bank for debit."""

    _name = "property.debit.line"
    _description = "Bank Auto-Debit Line"
    _order = "batch_id desc, id"
    _check_company_auto = True
    _rec_name = "reference"

    batch_id = fields.Many2one(
        "property.debit.batch", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="batch_id.company_id", store=True, index=True)
    mandate_id = fields.Many2one(
        "property.debit.mandate", required=True, index=True, check_company=True
    )
    partner_id = fields.Many2one(related="mandate_id.partner_id", store=True, index=True)
    bank_account_id = fields.Many2one(related="mandate_id.bank_account_id")
    invoice_id = fields.Many2one(
        "account.move",
        required=True,
        index=True,
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
    )
    currency_id = fields.Many2one(related="invoice_id.currency_id", store=True)
    amount = fields.Monetary(help="The invoice's residual when the list was prepared.")
    reference = fields.Char(compute="_compute_reference", store=True, index=True)
    state = fields.Selection(LINE_STATES, required=True, default="pending", index=True)
    failure_reason = fields.Char()

    _sql_constraints = [
        (
            "reference_company_uniq",
            "UNIQUE(reference, company_id)",
            "A debit reference must be unique.",
        ),
    ]

    def init(self):
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS property_debit_line_pending_invoice_uniq
                   ON property_debit_line (invoice_id) WHERE state = 'pending'"""
        )

    @api.depends("batch_id.name")
    def _compute_reference(self):
        for line in self:
            line.reference = f"{line.batch_id.name}-{line.id}" if line.id else False
