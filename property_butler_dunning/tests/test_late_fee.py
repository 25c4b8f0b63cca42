from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase


@tagged("post_install", "-at_install")
class TestLateFee(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.product = ref("property_butler_billing.product_late_fee", raise_if_not_found=False)
        if not cls.product:
            cls.product = cls.env["product.product"].create({"name": "Late Fee", "type": "service"})
            cls.env["ir.model.data"].create(
                {
                    "module": "property_butler_billing",
                    "name": "product_late_fee",
                    "model": "product.product",
                    "res_id": cls.product.id,
                }
            )
        cls._two_grids_billed()
        cls.moves = cls._bill_january()
        cls.move_unit = cls.moves.filtered(lambda m: m.partner_id == cls.owner)
        cls.move_b = cls.moves.filtered(lambda m: m.partner_id == cls.other_owner)
        cls.Wizard = cls.env["property.late.fee.wizard"]
        cls.LateFee = cls.env["property.late.fee"]

    def test_late_fee_amounts(self):
        self.assertEqual(len(self.moves), 2)
        residual = self.move_unit.amount_residual
        self.assertGreater(residual, 0)
        fees = self.LateFee._late_fees(self.moves, date(2026, 2, 4))
        self.assertEqual(set(fees), set(self.moves))
        values = fees[self.move_unit]
        self.assertEqual(values["days"], 30)
        self.assertAlmostEqual(values["residual"], residual)
        self.assertAlmostEqual(values["fee"], round(residual * 0.0003 * 30, 2))
        # Custom rate, then a cap of 0.5 % of the residual.
        fees = self.LateFee._late_fees(self.move_unit, date(2026, 2, 4), rate=0.001)
        self.assertAlmostEqual(fees[self.move_unit]["fee"], round(residual * 0.03, 2))
        fees = self.LateFee._late_fees(self.move_unit, date(2026, 2, 4), rate=0.001, cap=0.005)
        self.assertAlmostEqual(fees[self.move_unit]["fee"], round(residual * 0.005, 2))
        # Not yet due, or paid: nothing.
        self.assertFalse(self.LateFee._late_fees(self.moves, date(2026, 1, 5)))
        self._pay(self.move_unit)
        self.assertEqual(
            set(self.LateFee._late_fees(self.moves, date(2026, 2, 4))), set(self.move_b)
        )

    def test_wizard_defaults_follow_the_context(self):
        with freeze_time("2026-02-04"):
            wizard = self.Wizard.create({"partner_ids": self._set(self.owner)})
        self.assertAlmostEqual(wizard.rate, 0.03)
        self.assertFalse(wizard.cap)
        self.assertIn(self.move_unit.name, wizard.preview)
        self.assertNotIn(self.move_b.name, wizard.preview)

    def test_invoice_one_draft_per_partner_once(self):
        wizard = self.Wizard.create(
            {"date": date(2026, 2, 4), "partner_ids": self._set(self.owner | self.other_owner)}
        )
        action = wizard.action_invoice()
        invoices = self.env["account.move"].search(action["domain"])
        self.assertEqual(len(invoices), 2)
        self.assertEqual(invoices.partner_id, self.owner | self.other_owner)
        self.assertEqual(set(invoices.mapped("state")), {"draft"})
        self.assertEqual(set(invoices.mapped("move_type")), {"out_invoice"})
        invoice = invoices.filtered(lambda m: m.partner_id == self.owner)
        line = invoice.invoice_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.product_id, self.product)
        residual = self.move_unit.amount_residual
        self.assertAlmostEqual(line.price_unit, round(residual * 0.0003 * 30, 2))
        self.assertTrue(
            line.name.startswith(f"Late fee on {self.move_unit.name} to 2026-02-04: 30 days"),
            line.name,
        )
        self.assertIn("0.03 %", line.name)
        self.assertFalse(line.tax_ids)
        # A second run to the same date charges nothing more.
        wizard2 = self.Wizard.create(
            {"date": date(2026, 2, 4), "partner_ids": self._set(self.owner | self.other_owner)}
        )
        count = self.env["account.move"].search_count([])
        with self.assertRefused(UserError, "already charged"):
            wizard2.action_invoice()
        self.assertEqual(self.env["account.move"].search_count([]), count)
        # A later run only charges the days since.
        wizard3 = self.Wizard.create(
            {"date": date(2026, 2, 14), "partner_ids": self._set(self.owner)}
        )
        action = wizard3.action_invoice()
        later = self.env["account.move"].browse(action["res_id"])
        self.assertIn("10 days", later.invoice_line_ids.name)
        self.assertAlmostEqual(later.amount_total, round(residual * 0.0003 * 10, 2))
        # Cancelling the late-fee invoice frees the invoice to be charged again.
        (invoices | later).button_cancel()
        wizard4 = self.Wizard.create(
            {"date": date(2026, 2, 4), "partner_ids": self._set(self.owner)}
        )
        self.assertTrue(wizard4.action_invoice()["res_id"])

    def test_invoice_from_dunning_cases(self):
        with freeze_time("2026-03-23"):
            self.env["property.dunning.case"]._cron_dunning()
        case = self.env["property.dunning.case"].search([("unit_id", "=", self.unit_b.id)])
        self.assertTrue(case)
        wizard = self.Wizard.with_context(
            active_model="property.dunning.case", active_ids=case.ids
        ).create({"date": date(2026, 3, 23)})
        self.assertEqual(wizard.dunning_case_ids, case)
        invoice = self.env["account.move"].browse(wizard.action_invoice()["res_id"])
        self.assertEqual(invoice.partner_id, self.other_owner)
        self.assertIn(self.move_b.name, invoice.invoice_line_ids.name)
        self.assertIn("77 days", invoice.invoice_line_ids.name)

    def test_no_product_is_a_clear_error(self):
        self.env["ir.model.data"].search(
            [("module", "=", "property_butler_billing"), ("name", "=", "product_late_fee")]
        ).unlink()
        wizard = self.Wizard.create(
            {"date": date(2026, 2, 4), "partner_ids": self._set(self.owner)}
        )
        with self.assertRefused(UserError, "Late Fee' product"):
            wizard.action_invoice()

    def test_lawyer_letter(self):
        with freeze_time("2026-03-23"):
            self.env["property.dunning.case"]._cron_dunning()
        case = self.env["property.dunning.case"].search([("unit_id", "=", self.unit.id)])
        report = self.env.ref("property_butler_dunning.property_dunning_case_report_lawyer_letter")
        with freeze_time("2026-02-04"), self.assertRaises(UserError):
            report._render_qweb_html(report.report_name, case.ids)
        case.malicious = True
        with freeze_time("2026-02-04"):
            html = report._render_qweb_html(report.report_name, case.ids)[0].decode()
            values = self.LateFee._letter_values(case)
        self.assertNotIn("o_lawyer_letter_not_malicious", html)
        self.assertIn(self.move_unit.name, html)
        self.assertIn("2026-01", html)
        self.assertEqual(len(values["lines"]), 1)
        self.assertEqual(values["lines"][0]["days"], 30)
        fee = round(self.move_unit.amount_residual * 0.0003 * 30, 2)
        self.assertAlmostEqual(values["late_fees"], fee)
        self.assertAlmostEqual(values["total"], self.move_unit.amount_residual + fee)
        self.assertIn(f"{fee:,.2f}", html)
        self.assertIn(f"{values['total']:,.2f}", html)
        self.assertIn("Demand for Payment", html)
        self.assertReportFont(html)

    def test_lawyer_letter_pdf(self):
        with freeze_time("2026-03-23"):
            self.env["property.dunning.case"]._cron_dunning()
        case = self.env["property.dunning.case"].search([("unit_id", "=", self.unit.id)])
        case.malicious = True
        self._render_pdf("property_butler_dunning.property_dunning_case_report_lawyer_letter", case)

    def test_collection_rate(self):
        Report = self.env["property.collection.report"]
        self._pay(self.move_unit)
        self._pay(self.move_b, amount=self.move_b.amount_total / 2)
        self.assertEqual(self.move_b.payment_state, "partial")
        domain = [("project_id", "=", self.project.id)]
        by_grid = Report._rates(domain, "grid_id")
        self.assertAlmostEqual(by_grid[self.grid]["rate"], 1.0)
        self.assertTrue(by_grid[self.grid]["meets_target"])
        self.assertAlmostEqual(by_grid[self.grid_b]["rate"], 0.5)
        self.assertFalse(by_grid[self.grid_b]["meets_target"])
        self.assertAlmostEqual(
            by_grid[self.grid_b]["collected"], self.move_b.amount_total / 2, places=2
        )
        billed = self.move_unit.amount_total + self.move_b.amount_total
        collected = self.move_unit.amount_total + self.move_b.amount_total / 2
        by_project = Report._rates(domain, "project_id")[self.project]
        self.assertAlmostEqual(by_project["billed"], billed)
        self.assertAlmostEqual(by_project["collected"], collected, places=2)
        self.assertAlmostEqual(by_project["rate"], collected / billed, places=4)
        self.assertFalse(by_project["meets_target"])
        cluster = Report._rates(domain, "cluster_id")[self.cluster]
        self.assertAlmostEqual(cluster["rate"], by_project["rate"])
        # Period and year to date: February is billed and fully paid for the late payer's grid.
        with freeze_time("2026-02-01"):
            february = self.env["property.billing"]._bill_period(date(2026, 2, 1), self.project)
            february.action_post()
        self._pay(february)
        rates = Report._period_rates(date(2026, 2, 1), "grid_id", domain)
        self.assertAlmostEqual(rates["period"][self.grid_b]["rate"], 1.0)
        self.assertTrue(rates["period"][self.grid_b]["meets_target"])
        ytd = rates["ytd"][self.grid_b]
        feb_b = february.filtered(lambda m: m.partner_id == self.other_owner)
        expected = (self.move_b.amount_total / 2 + feb_b.amount_total) / (
            self.move_b.amount_total + feb_b.amount_total
        )
        self.assertAlmostEqual(ytd["rate"], expected, places=4)
        self.assertFalse(ytd["meets_target"])
        total = Report._rates(domain, False)[False]
        self.assertAlmostEqual(total["billed"], billed + sum(february.mapped("amount_total")))
