from datetime import date

from freezegun import freeze_time

from odoo.addons.property_butler.tests.common import PropertyButlerCase

JANUARY = date(2026, 1, 1)


def ensure_accounting(env, company):
    """A chart of accounts (sales and bank journals, receivable) for ``company``, as finance
    sets up."""
    Journal = env["account.journal"]
    if not all(
        Journal.search([("company_id", "=", company.id), ("type", "=", kind)], limit=1)
        for kind in ("sale", "bank")
    ):
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )


class BillingCase(PropertyButlerCase):
    """The estate with a chart of accounts and the management fee of flats: 2.5 per m² from
    January 2026 (``management_rate``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ensure_accounting(cls.env, cls.company)
        ref = cls.env.ref
        cls.management = ref("property_butler_billing.property_fee_type_management")
        cls.parking_fee = ref("property_butler_billing.property_fee_type_parking")
        cls.water = ref("property_butler_billing.property_fee_type_water")
        cls.management_rate = cls._fee_rate(cls.management, 2.5)

    @classmethod
    def _fee_rate(cls, fee_type, rate, unit_type="residential", date_from=JANUARY):
        return cls.env["property.fee.rate"].create(
            {
                "project_id": cls.project.id,
                "unit_type": unit_type,
                "fee_type_id": fee_type.id,
                "rate": rate,
                "date_from": date_from,
            }
        )

    @classmethod
    def _bill_january(cls, due=date(2026, 1, 5)):
        """The estate's statements of January 2026, billed on 1 January and posted, due on
        ``due``."""
        with freeze_time("2026-01-01"):
            moves = cls.env["property.billing"]._bill_period(JANUARY, cls.project)
            moves.write({"invoice_date": JANUARY, "invoice_date_due": due})
            moves.action_post()
            moves.invoice_date_due = due  # whatever a payment term would make of it
        return moves

    @classmethod
    def _pay(cls, moves, amount=None, day=date(2026, 1, 20)):
        """A payment of each of ``moves`` on ``day``: in full, or of ``amount``."""
        payments = cls.env["account.payment"]
        for move in moves:
            vals = {"payment_date": day}
            if amount:
                vals["amount"] = amount
            payments |= (
                cls.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=move.ids)
                .create(vals)
                ._create_payments()
            )
        return payments
