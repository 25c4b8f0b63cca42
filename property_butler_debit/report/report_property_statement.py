from odoo import api, models

# The statement's auto-debit status of a contact by the state of his mandate, most relevant first
# (a draft mandate is not in force yet: not enrolled).
MANDATE_STATUS = {"active": "enrolled", "suspended": "suspended", "cancelled": "ended"}


class ReportPropertyStatement(models.AbstractModel):
    _inherit = "report.property_butler_billing.property_statement_document"

    @api.model
    def _payment_instructions(self, company, partners):
        """The company's bank accounts and each contact's bank auto-debit (代扣) status, by
        partner id: one search of the mandates of all ``partners``.

        ``debit_status`` is the state of the contact's mandate (his own, else his commercial
        partner's) in the company: ``enrolled`` (active), ``suspended``, ``ended`` (cancelled),
        else ``not_enrolled`` (no mandate, or a draft one not in force yet). With a mandate,
        its bank account (masked) and date are shown; without, the contact's own bank account.
        Residents cannot read mandates nor bank accounts: these are read through sudo."""
        instructions = super()._payment_instructions(company, partners)
        partners = partners.sudo()
        mandates = (
            self.env["property.debit.mandate"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", (partners | partners.commercial_partner_id).ids),
                    ("company_id", "=", company.id),
                    ("state", "in", list(MANDATE_STATUS)),
                ]
            )
        )
        # The most relevant mandate of each partner: active, else suspended, else the last one
        # cancelled (the search order: latest first).
        mandate_of = {}
        for mandate in mandates.sorted(lambda m: list(MANDATE_STATUS).index(m.state)):
            mandate_of.setdefault(mandate.partner_id.id, mandate)
        for partner in partners:
            mandate = mandate_of.get(partner.id) or mandate_of.get(partner.commercial_partner_id.id)
            account = mandate.bank_account_id if mandate else partner.bank_ids[:1]
            instructions[partner.id].update(
                {
                    "debit_status": MANDATE_STATUS[mandate.state] if mandate else "not_enrolled",
                    "debit_account": self._mask_account(account.acc_number),
                    "debit_date": mandate.date if mandate else False,
                }
            )
        return instructions
