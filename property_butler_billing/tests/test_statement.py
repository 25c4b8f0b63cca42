import base64
import io
import re
from datetime import date

import zxingcpp
from freezegun import freeze_time
from PIL import Image

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.property_butler.tests.common import PropertyHttpCase

from .common_billing import BillingCase

REPORT = "property_butler_billing.property_statement_report"
NOVEMBER = "2026-11-01"
DECEMBER = "2026-12-01"
ARREARS = ("days_0_30", "days_31_60", "days_61_90", "days_over_90")


class StatementCase(BillingCase):
    """The owner (王芳) is billing contact of 3-2-1502 and a parking space; the neighbour
    (张伟) of 3-5-301. August to November 2026 are billed and posted, December is a draft;
    the owner paid 200 on 10 November towards October."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parking = cls._parking_space()
        cls._fee_rate(cls.parking_fee, 300.0, unit_type="parking")
        cls.butler.partner_id.phone = "13900001111"
        cls.butler2.partner_id.phone = "13900002222"
        cls._two_grids_billed()
        cls._billing_contact(cls.parking, cls.owner, resides=False)
        Billing = cls.env["property.billing"]
        cls.invoices = {}
        for month in (8, 9, 10, 11):
            moves = Billing._bill_period(date(2026, month, 1), cls.project)
            moves.invoice_date_due = date(2026, month, 15)
            moves.action_post()
            cls.invoices[month] = moves
        cls.draft = Billing._bill_period(date(2026, 12, 1), cls.project)
        cls.own = {
            m: moves.filtered(lambda mv: mv.partner_id == cls.owner)
            for m, moves in cls.invoices.items()
        }
        cls.theirs = {
            m: moves.filtered(lambda mv: mv.partner_id == cls.other_owner)
            for m, moves in cls.invoices.items()
        }
        cls.payment = cls._pay(cls.own[10], amount=200.0, day=date(2026, 11, 10))
        cls._residents()

    def _values(self, partners, period=NOVEMBER):
        return self.env[
            "report.property_butler_billing.property_statement_document"
        ]._get_report_values(partners.ids, data={"period": period})["statements"]

    def _pay_on(self, invoices, amount, day):
        """Register a payment of ``amount`` on ``day`` ('YYYY-MM-DD'), that day."""
        with freeze_time(f"{day} 02:00:00"):
            return self._pay(invoices, amount=amount, day=date.fromisoformat(day))

    def _html(self, partners, period=NOVEMBER):
        """The rendered statement of each of ``partners``, in their order."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, partners.ids, data={"period": period})[0]
            .decode()
        )
        return html.split('class="page o_property_statement"')[1:]


@tagged("post_install", "-at_install")
class TestStatementReport(StatementCase):
    def test_balances_charges_payments_and_arrears(self):
        owner_total = {m: move.amount_total for m, move in self.own.items()}
        self.assertEqual(self.own[10].payment_state, "partial")
        stmt = self._values(self.owner)[self.owner.id]
        self.assertAlmostEqual(stmt["opening"], owner_total[8] + owner_total[9] + owner_total[10])
        charges = {(line["unit"], line["fee"]): line for line in stmt["charges"]}
        self.assertEqual(
            set(charges), {(self.unit, self.management), (self.parking, self.parking_fee)}
        )
        for line in self.own[11].invoice_line_ids:
            key = (line.property_unit_id, line.property_fee_type_id)
            self.assertAlmostEqual(charges[key]["amount"], line.price_total)
            self.assertTrue(charges[key]["confirmed"])
        self.assertAlmostEqual(stmt["charges_total"], owner_total[11])
        self.assertAlmostEqual(stmt["payments"], 200.0)
        self.assertAlmostEqual(stmt["closing"], sum(owner_total.values()) - 200.0)
        self.assertAlmostEqual(stmt["other"], 0.0)
        # Due on the 15th; aged at 30 November.
        self.assertEqual(
            self.own[8].line_ids.filtered("date_maturity").date_maturity, date(2026, 8, 15)
        )
        self.assertAlmostEqual(stmt["days_over_90"], owner_total[8])  # 107 days
        self.assertAlmostEqual(stmt["days_61_90"], owner_total[9])  # 76 days
        self.assertAlmostEqual(stmt["days_31_60"], owner_total[10] - 200.0)  # 46 days
        self.assertAlmostEqual(stmt["days_0_30"], owner_total[11])  # 15 days
        self.assertEqual(stmt["butlers"], [{"name": self.butler.name, "phone": "13900001111"}])

    def test_arrears_are_as_at_the_end_of_the_month(self):
        """The November invoice, unpaid on 30 November, is paid in full on 5 December: the
        November statement, printed before or after, still shows it in arrears."""
        total = {m: move.amount_total for m, move in self.own.items()}
        with freeze_time("2026-12-01 02:00:00"):
            before = self._values(self.owner)[self.owner.id]
        self._pay_on(self.own[11], total[11], "2026-12-05")
        self.assertAlmostEqual(self.own[11].amount_residual, 0.0)
        with freeze_time("2027-01-20 02:00:00"):
            november = self._values(self.owner)[self.owner.id]
            december = self._values(self.owner, DECEMBER)[self.owner.id]
            october = self._values(self.owner, "2026-10-01")[self.owner.id]
            html = self._html(self.owner)[0]
        for key in ("opening", "payments", "closing", *ARREARS):
            self.assertAlmostEqual(november[key], before[key], msg=key)
        self.assertAlmostEqual(november["days_0_30"], total[11])  # 15 days
        self.assertAlmostEqual(november["closing"], sum(total.values()) - 200.0)
        self.assertAlmostEqual(november["payments"], 200.0)
        # Printed later, the same arrears: 0-30 days is the first cell.
        days_0_30 = html.split("o_statement_arrears")[1].split("<tbody>")[1].split("</td>")[0]
        self.assertIn(f"{total[11]:,.2f}", days_0_30)
        # December: the payment, and no arrear left of the November invoice (46 days).
        self.assertAlmostEqual(december["opening"], november["closing"])
        self.assertAlmostEqual(december["payments"], total[11])
        self.assertAlmostEqual(december["closing"], november["closing"] - total[11])
        self.assertAlmostEqual(december["days_0_30"], 0.0)
        self.assertAlmostEqual(december["days_31_60"], 0.0)
        self.assertAlmostEqual(december["days_61_90"], total[10] - 200.0)  # 77 days
        self.assertAlmostEqual(december["days_over_90"], total[8] + total[9])
        # October: the 200 paid on 10 November towards October came after its end.
        self.assertAlmostEqual(october["payments"], 0.0)
        self.assertAlmostEqual(october["days_0_30"], total[10])  # 16 days
        self.assertAlmostEqual(october["days_31_60"], total[9])  # 46 days
        self.assertAlmostEqual(october["days_61_90"], total[8])  # 77 days

    def test_partial_payment_in_the_month_reduces_the_arrear(self):
        total = self.own[11].amount_total
        before = self._values(self.owner)[self.owner.id]
        self._pay_on(self.own[11], 123.45, "2026-11-20")
        self._pay_on(self.own[11], 50.0, "2026-12-03")  # after the month: not in November
        self.assertAlmostEqual(self.own[11].amount_residual, total - 173.45)
        after = self._values(self.owner)[self.owner.id]
        self.assertAlmostEqual(before["days_0_30"] - after["days_0_30"], 123.45)
        self.assertAlmostEqual(after["days_0_30"], total - 123.45)
        for key in ARREARS[1:]:
            self.assertAlmostEqual(after[key], before[key], msg=key)
        self.assertAlmostEqual(after["payments"], 200.0 + 123.45)
        self.assertAlmostEqual(before["closing"] - after["closing"], 123.45)

    def test_neighbour_figures_are_his_own(self):
        stmts = self._values(self.owner | self.other_owner)
        theirs = stmts[self.other_owner.id]
        self.assertEqual([line["unit"] for line in theirs["charges"]], [self.unit_b])
        self.assertAlmostEqual(theirs["payments"], 0.0)
        self.assertAlmostEqual(theirs["closing"], sum(m.amount_total for m in self.theirs.values()))
        self.assertEqual(theirs["butlers"], [{"name": self.butler2.name, "phone": "13900002222"}])

    def test_draft_month_is_not_confirmed_yet(self):
        stmt = self._values(self.owner, "2026-12-01")[self.owner.id]
        self.assertTrue(stmt["charges"])
        self.assertFalse(any(line["confirmed"] for line in stmt["charges"]))
        self.assertAlmostEqual(stmt["charges_total"], 0.0)
        draft = self.draft.filtered(lambda m: m.partner_id == self.owner)
        self.assertAlmostEqual(stmt["draft_total"], draft.amount_total)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.owner.ids, data={"period": "2026-12-01"})[0]
            .decode()
        )
        self.assertIn("not confirmed yet", html)

    def test_html_content_and_chinese_dates(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner.lang = "zh_CN"
        self.owner.bank_ids = [(0, 0, {"acc_number": "6222020200112233"})]
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.owner.ids, data={"period": NOVEMBER})[0]
            .decode()
        )
        for text in ("3-2-1502", "B1-P07", self.management.name, self.parking_fee.name):
            self.assertIn(text, html)
        self.assertIn(self.butler.name, html)
        self.assertIn("13900001111", html)
        self.assertIn("2026年11月01日", html, "the contact's language formats the dates")
        self.assertReportFont(html, "o_property_statement")
        self.assertNotIn("3-5-301", html)

    def test_real_pdf(self):
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.owner.ids, data={"period": NOVEMBER})
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestStatementDocument(StatementCase):
    """What the printed statement shows: quantity × rate and tax per unit and fee, the
    company's letterhead and currency, the payment page's QR code; the month chosen when
    printing; the dunning record's amounts owed and signature lines."""

    def _cell(self, row, css_class):
        """The text of the first cell of ``css_class`` in ``row``, without tags."""
        cell = row.split(css_class)[1].split(">", 1)[1].split("</td>")[0]
        return " ".join(re.sub(r"<[^>]+>", " ", cell).split())

    def test_lines_quantity_rate_and_tax(self):
        tax = self.env["account.tax"].create(
            {"name": "VAT 6% (services)", "amount": 6.0, "type_tax_use": "sale"}
        )
        draft = self.draft.filtered(lambda m: m.partner_id == self.owner)
        management = draft.invoice_line_ids.filtered(
            lambda line: line.property_fee_type_id == self.management
        )
        management.tax_ids = tax
        draft.action_post()
        stmt = self._values(self.owner, DECEMBER)[self.owner.id]
        lines = {line["unit"]: line for line in stmt["charges"]}
        flat, parking = lines[self.unit], lines[self.parking]
        # 98.5 m² × 2.50 = 246.25 untaxed, 6 % VAT 14.78.
        self.assertEqual((flat["quantity"], flat["rate"]), (98.5, 2.5))
        self.assertAlmostEqual(flat["untaxed"], 246.25)
        self.assertAlmostEqual(flat["tax"], 14.78)
        self.assertAlmostEqual(flat["amount"], 261.03)
        self.assertEqual(flat["taxes"], "VAT 6% (services)")
        self.assertEqual((parking["quantity"], parking["rate"]), (1.0, 300.0))
        parking_line = draft.invoice_line_ids - management
        parking_tax = parking_line.price_total - parking_line.price_subtotal
        self.assertAlmostEqual(parking["tax"], parking_tax)
        self.assertEqual(parking["taxes"], ", ".join(parking_line.tax_ids.mapped("name")))
        self.assertAlmostEqual(stmt["untaxed_total"], 546.25)
        self.assertAlmostEqual(stmt["tax_total"], 14.78 + parking_tax)
        self.assertAlmostEqual(stmt["charges_total"], draft.amount_total)

        html = self._html(self.owner, DECEMBER)[0]
        rows = html.split('class="o_statement_charge"')[1:]
        self.assertEqual(len(rows), 2)
        flat_row = next(row for row in rows if "3-2-1502" in row)
        self.assertRegex(self._cell(flat_row, "o_statement_quantity"), r"98\.50\s*m²")
        self.assertIn("2.50", self._cell(flat_row, "o_statement_rate"))
        self.assertIn("246.25", self._cell(flat_row, "o_statement_untaxed"))
        tax_cell = self._cell(flat_row, "o_statement_tax")
        self.assertIn("14.78", tax_cell)
        self.assertIn("VAT 6% (services)", tax_cell)
        parking_row = next(row for row in rows if "B1-P07" in row)
        self.assertIn("300.00", self._cell(parking_row, "o_statement_rate"))
        self.assertNotIn("m²", self._cell(parking_row, "o_statement_quantity"))
        self.assertIn(f"{14.78 + parking_tax:,.2f}", self._cell(html, "o_statement_tax_total"))
        self.assertIn("546.25", self._cell(html, "o_statement_untaxed_total"))
        self.assertNotIn("Prorated", html)

    def test_metered_and_prorated_lines(self):
        water = self.env["property.fee.type"].create(
            {
                "name": "Water",
                "product_id": self.management.product_id.id,
                "computation": "metered",
            }
        )
        self.env["property.fee.rate"].create(
            {
                "project_id": self.project.id,
                "unit_type": "residential",
                "fee_type_id": water.id,
                "rate": 3.45,
                "date_from": date(2026, 1, 1),
            }
        )
        self.env["property.meter.reading"].create(
            {
                "unit_id": self.unit.id,
                "fee_type_id": water.id,
                "period": "2027-01-01",
                "quantity": 12.0,
            }
        )
        self._occupy(self.unit2, self.owner, date_start=date(2027, 1, 12), is_billing_contact=True)
        self.env["property.billing"]._bill_period(date(2027, 1, 1), self.project).action_post()
        stmt = self._values(self.owner, "2027-01-01")[self.owner.id]
        lines = {(line["unit"], line["fee"]): line for line in stmt["charges"]}
        metered = lines[(self.unit, water)]
        self.assertEqual((metered["quantity"], metered["rate"]), (12.0, 3.45))
        self.assertAlmostEqual(metered["untaxed"], 41.4)
        self.assertFalse(metered["basis"])
        # Moved in on the 12th: 20 of 31 days of 120 m² × 2.50.
        prorated = lines[(self.unit2, self.management)]
        self.assertEqual((prorated["quantity"], prorated["rate"]), (120.0, 2.5))
        self.assertAlmostEqual(prorated["untaxed"], 193.55)
        self.assertEqual(prorated["basis"], "120 × 2.5 × 20/31")
        html = self._html(self.owner, "2027-01-01")[0]
        water_row = next(
            row
            for row in html.split('class="o_statement_charge"')[1:]
            if "Water" in row and "3-2-1502" in row
        )
        self.assertRegex(
            self._cell(water_row, "o_statement_quantity"), r"12\.00\s*\(meter reading\)"
        )
        self.assertIn("3.45", self._cell(water_row, "o_statement_rate"))
        self.assertIn("Prorated: <span>120 × 2.5 × 20/31</span>", html)

    def test_letterhead_currency_and_payment_qr(self):
        self.company.write(
            {
                "name": "Sunshine Property Services Co., Ltd.",
                "street": "88 Tianhe Road",
                "city": "Guangzhou",
                "phone": "020-8888-6666",
            }
        )
        html = self._html(self.owner)[0]
        head = html.split("o_statement_letterhead")[1].split("<h2>")[0]
        self.assertIn("Sunshine Property Services Co., Ltd.", head)
        self.assertIn("88 Tianhe Road, Guangzhou", head)
        # The project's service centre, then the company's hotline.
        self.assertIn("020-1234 / 020-8888-6666", head)
        self.assertIn('src="data:image/png;base64,', head, "the company logo")
        currency = self.company.currency_id
        self.assertIn(f"{currency.name}</span> (<span>{currency.symbol}</span>)", html)
        self.assertIn(currency.symbol, self._cell(html, "o_statement_charges_total"))

        # The QR code is a PNG that decodes to the portal payment page.
        url = f"{self.company.get_base_url()}/my/invoices"
        self.assertIn(f'href="{url}"', html)
        qr = re.search(r'o_statement_payment_qr[^>]*src="data:image/png;base64,([^"]+)"', html)
        if not qr:
            qr = re.search(r'src="data:image/png;base64,([^"]+)"[^>]*o_statement_payment_qr', html)
        png = base64.b64decode(qr.group(1))
        self.assertTrue(png.startswith(b"\x89PNG"))
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        self.assertEqual([code.text for code in decoded], [url])

    def test_company_currency_yuan_not_dollar(self):
        cny = self.env.ref("base.CNY")
        cny.active = True
        company = self.env["res.company"].create(
            {"name": "华南物业服务有限公司", "currency_id": cny.id, "phone": "400-800-1234"}
        )
        self.env.user.company_ids |= company
        partner = self.env["res.partner"].create({"name": "陈静", "company_id": company.id})
        html = (
            self.env["ir.actions.report"]
            .with_company(company)
            ._render_qweb_html(REPORT, partner.ids, data={"period": NOVEMBER})[0]
            .decode()
        )
        page = html.split('class="page o_property_statement"')[1]
        self.assertIn("华南物业服务有限公司", page)
        self.assertIn("400-800-1234", page)
        self.assertRegex(page, r"o_statement_currency\">CNY</span> \(<span>¥</span>\)")
        self.assertIn("¥", page.split("o_statement_summary")[1])
        self.assertNotIn("$", page)

    def test_print_wizard_chooses_the_month(self):
        wizard = Form(
            self.env["property.statement.wizard"]
            .with_user(self.butler)
            .with_context(
                active_model="res.partner", active_ids=(self.owner | self.other_owner).ids
            )
        )
        wizard.period = date(2026, 10, 17)
        action = wizard.save().action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(
            action["report_name"], "property_butler_billing.property_statement_document"
        )
        self.assertEqual(action["data"]["period"], "2026-10-01")
        self.assertEqual(
            sorted(action["context"]["active_ids"]), sorted((self.owner | self.other_owner).ids)
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, action["context"]["active_ids"], data=action["data"])[0]
            .decode()
        )
        pages = html.split('class="page o_property_statement"')[1:]
        self.assertEqual(len(pages), 2)
        own = next(page for page in pages if "3-2-1502" in page)
        theirs = next(page for page in pages if "3-5-301" in page)
        self.assertNotEqual(own, theirs)
        self.assertIn("Statement <span>2026-10</span>", own)
        self.assertIn(f"{self.own[10].amount_total:,.2f}", own)
        self.assertIn(f"{self.theirs[10].amount_total:,.2f}", theirs)
        with self.assertRaisesRegex(UserError, "Choose at least one contact"):
            self.env["property.statement.wizard"].create({"period": "2026-10-01"}).action_print()


@tagged("post_install", "-at_install")
class TestStatementPortal(PropertyHttpCase, StatementCase):
    def test_resident_lists_and_downloads_his_statement(self):
        self._login(self.resident)
        listing = self.url_open("/my/statements")
        self.assertEqual(listing.status_code, 200)
        for month in ("2026-08", "2026-11"):
            self.assertIn(f"/my/statements/{month}/pdf", listing.text)
        self.assertNotIn("/my/statements/2026-12/pdf", listing.text, "a draft month")
        # Each month's closing balance, as on its statement.
        rows = {
            re.search(r"/my/statements/(\d{4}-\d{2})/pdf", row).group(1): row
            for row in listing.text.split("<tr")
            if "/my/statements/" in row and "/pdf" in row
        }
        self.assertEqual(set(rows), {"2026-08", "2026-09", "2026-10", "2026-11"})
        for month, row in rows.items():
            closing = self._values(self.owner, f"{month}-01")[self.owner.id]["closing"]
            cell = row.split("o_statement_closing")[1].split("</td>")[0]
            self.assertIn(f"{closing:,.2f}", cell, month)
        total = {m: move.amount_total for m, move in self.own.items()}
        self.assertIn(f"{sum(total.values()) - 200.0:,.2f}", rows["2026-11"])
        self.assertIn(f"{total[8]:,.2f}", rows["2026-08"])
        self.assertIn('href="/my/invoices"', listing.text)
        self.assertIn("/my/statements", self.url_open("/my/home").text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_statement_count"]}
        )
        self.assertEqual(counters["property_statement_count"], 4)

        # Outside a test run this is the PDF; under tests Odoo renders the report's HTML
        # (unless force_report_rendering), which shows whose statement it is.
        response = self.url_open("/my/statements/2026-11/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("2026-11", response.headers["Content-Disposition"])
        if not response.content.startswith(b"%PDF"):
            self.assertIn("3-2-1502", response.text)
            self.assertNotIn("3-5-301", response.text)

    def test_no_partner_from_the_request(self):
        self._login(self.neighbour)
        for query in (
            f"?partner_id={self.owner.id}",
            f"?docids={self.owner.id}&partner={self.owner.id}",
            f"?data=%7B%22partner_id%22%3A{self.owner.id}%7D",
        ):
            response = self.url_open(f"/my/statements/2026-11/pdf{query}")
            self.assertEqual(response.status_code, 200)
            self.assertIn("3-5-301", response.text, "always his own statement")
            self.assertNotIn("3-2-1502", response.text)
            self.assertNotIn("B1-P07", response.text)
        # Malformed or foreign months.
        self.assertEqual(self.url_open("/my/statements/2026-13/pdf").status_code, 404)
        self.assertEqual(self.url_open("/my/statements/abc/pdf").status_code, 404)
        response = self.url_open("/my/statements/2025-01/pdf", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/my/statements", response.headers["Location"])

    def test_anonymous_is_sent_to_login(self):
        for url in ("/my/statements", "/my/statements/2026-11/pdf"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303))
            self.assertIn("/web/login", response.headers["Location"])

    def test_invoices_portal_shows_only_his_own(self):
        self._login(self.resident)
        listing = self.url_open("/my/invoices")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.own[11].name, listing.text)
        self.assertNotIn(f"/my/invoices/{self.theirs[11].id}?", listing.text)
        own = self.url_open(f"/my/invoices/{self.own[11].id}")
        self.assertEqual(own.status_code, 200)
        neighbour_invoice = self.theirs[11]
        neighbour_token = neighbour_invoice._portal_ensure_token()
        own_token = self.own[11]._portal_ensure_token()
        for query in ("", "?access_token=wrong", f"?access_token={own_token}"):
            response = self.url_open(
                f"/my/invoices/{neighbour_invoice.id}{query}", allow_redirects=False
            )
            self.assertIn(response.status_code, (302, 303, 403), query)
            if response.status_code != 403:
                self.assertNotIn(
                    f"/my/invoices/{neighbour_invoice.id}", response.headers["Location"]
                )
        # By design, Odoo grants access to whoever holds a document's own access token (the
        # link sent with the invoice by email): it is a secret of that invoice only, never
        # derivable from the resident's own documents.
        response = self.url_open(
            f"/my/invoices/{neighbour_invoice.id}?access_token={neighbour_token}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 200)
