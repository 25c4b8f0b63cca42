from odoo.addons.property_butler_billing.tests.common_billing import BillingCase


class DunningCase(BillingCase):
    """The billed estate, without the demo estate's dunning cases: the dunning run works on
    every unit of the company, and the demo's invoices fall due after the dates these tests
    run the calendar on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.dunning.case"].search([]).unlink()
