from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.property_billing import CYCLE_MONTHS


class PropertyPrepaymentWizard(models.TransientModel):
    """Record fees paid in advance for a unit: a customer payment left open on the contact,
    which pays his next fee invoices as they are confirmed (Odoo's outstanding credit)."""

    _name = "property.prepayment.wizard"
    _description = "Record a Fee Prepayment"
    _check_company_auto = True

    unit_id = fields.Many2one("property.unit", required=True)
    company_id = fields.Many2one(related="unit_id.company_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Paid By",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        required=True,
        help="The unit's billing contact: his fee invoices are paid from it.",
    )
    period_count = fields.Integer(
        string="Periods",
        default=1,
        help="Billing periods of each fee paid in advance: months of a monthly fee, quarters "
        "of a quarterly one...",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    journal_id = fields.Many2one(
        "account.journal",
        string="Received In",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
        required=True,
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        help="The unit's fees of the periods at the rates of next month, taxes included "
        "(metered fees excluded): change it to the amount received.",
    )
    basis = fields.Char(string="Computed From", compute="_compute_basis", store=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "property.unit" and context.get("active_id"):
            values.setdefault("unit_id", context["active_id"])
        return values

    @api.depends("unit_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.unit_id.billing_partner_id

    @api.depends("company_id")
    def _compute_journal_id(self):
        for wizard in self:
            wizard.journal_id = self.env["account.journal"].search(
                [("type", "in", ("bank", "cash")), ("company_id", "=", wizard.company_id.id)],
                limit=1,
            )

    @api.depends("unit_id", "period_count", "date")
    def _compute_amount(self):
        schedule = self._schedule()
        for wizard in self:
            wizard.amount = schedule[wizard][0]

    @api.depends("unit_id", "period_count", "date")
    def _compute_basis(self):
        schedule = self._schedule()
        for wizard in self:
            wizard.basis = schedule[wizard][1]

    def _schedule(self):
        """{wizard: (amount, basis)}: the unit's non-metered fees of the periods as they will be
        invoiced (a period's amount rounded, with the fee's taxes), at the rates of next
        month's statement, the first one the prepayment pays."""
        rates = self.env["property.fee.rate"].search(
            [
                ("project_id", "in", self.unit_id.project_id.ids),
                ("fee_type_id.computation", "!=", "metered"),
            ]
        )
        schedule = {}
        for wizard in self:
            unit, count = wizard.unit_id, max(wizard.period_count, 0)
            day = wizard.date and wizard.date.replace(day=1) + relativedelta(months=1)
            amount, basis = 0.0, []
            for rate in rates:
                if (
                    not day
                    or (rate.project_id, rate.unit_type) != (unit.project_id, unit.unit_type)
                    or rate.date_from > day
                    or (rate.date_to and rate.date_to < day)
                ):
                    continue
                base = unit.area if rate.computation == "area" else 1.0
                months = CYCLE_MONTHS[rate.billing_cycle]
                product = rate.fee_type_id.product_id
                period = rate.currency_id.round(rate.rate * base * months)
                taxes = product.taxes_id.filtered(lambda t, c=unit.company_id: t.company_id == c)
                amount += (
                    count
                    * taxes.compute_all(period, rate.currency_id, product=product)["total_included"]
                )
                basis.append(f"{rate.fee_type_id.name} {base:g} × {rate.rate:g} × {months * count}")
            schedule[wizard] = (amount, ", ".join(basis))
        return schedule

    def action_record(self):
        """The payment, posted: the contact's fee invoices are paid from it once confirmed."""
        self.ensure_one()
        if self.period_count < 1:
            raise UserError(self.env._("Prepay at least one period."))
        if self.currency_id.compare_amounts(self.amount, 0) <= 0:
            raise UserError(
                self.env._("Enter the amount received: a prepayment must be more than zero.")
            )
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "journal_id": self.journal_id.id,
                "date": self.date,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "memo": self.env._(
                    "Fee prepayment %(unit)s, %(count)s period(s)",
                    unit=self.unit_id.code,
                    count=self.period_count,
                ),
                "property_prepayment": True,
                "property_unit_id": self.unit_id.id,
            }
        )
        payment.action_post()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": payment.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
