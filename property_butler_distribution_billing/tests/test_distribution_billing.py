from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.property_butler_billing.tests.common_billing import JANUARY, BillingCase


@tagged("post_install", "-at_install")
class TestStatementIssue(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.parking = cls._parking_space()
        cls._fee_rate(cls.parking_fee, 300.0, unit_type="parking")
        cls._billing_contact(cls.parking, cls.owner, resides=False)
        cls.Issue = cls.env["property.document.issue"]

    def _statement_issues(self, period=JANUARY):
        return self.Issue.search(
            [("project_id", "=", self.project.id), ("billing_period", "=", period)]
        )

    def test_billing_run_creates_the_month_issue_once(self):
        with freeze_time("2025-12-28"):
            self.env["property.billing"]._bill_period(JANUARY, self.project, batch_size=1)
        issue = self._statement_issues()
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.document_type, "statement")
        self.assertEqual(issue.state, "distributing")
        # One copy per contact's flat (the owner's parking space comes with his flat).
        self.assertEqual(issue.line_ids.unit_id, self.unit | self.unit_b)
        self.assertEqual(
            issue.line_ids.filtered(lambda line: line.unit_id == self.unit).partner_id, self.owner
        )
        # Again, and a new contact billed later: the same issue, nothing twice.
        self.env["property.billing"]._bill_period(JANUARY, self.project)
        newcomer = self.env["res.partner"].create({"name": "周杰"})
        self._billing_contact(self.unit2, newcomer)
        self.env["property.billing"]._bill_period(JANUARY, self.project)
        self.assertEqual(self._statement_issues(), issue)
        self.assertEqual(issue.line_ids.unit_id, self.unit | self.unit_b | self.unit2)
        self.assertEqual(len(issue.line_ids), 3)
        line = issue.line_ids[:1]
        self.assertEqual(line._portal_download_url(), "/my/statements/2026-01/pdf")

    def test_scheduled_batch_records_next_month(self):
        """The scheduler's batch (billing's _bill_batch, as the monthly run calls it)."""
        start, end = date(2026, 2, 1), date(2026, 2, 28)
        with freeze_time("2026-01-28"):
            self.env["property.billing"]._bill_batch(
                self.owner | self.other_owner, self.project, start, end, retry=True
            )
        issue = self._statement_issues(start)
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.line_ids.unit_id, self.unit | self.unit_b)
        self.assertIn("2026-02", issue.name)

    def test_paperless_contact_gets_the_statement_by_email(self):
        """ "按客戶所留地址以郵寄或上門方式發放", or by e-mail for who asked for it: the
        statement's copy is sent at the billing run, with its date, and the mail is queued."""
        self.other_owner.write({"property_paperless": True, "email": "li.na@example.com"})
        with freeze_time("2025-12-28 10:00:00"):
            self.env["property.billing"]._bill_period(JANUARY, self.project)
        issue = self._statement_issues()
        paperless = issue.line_ids.filtered(lambda line: line.partner_id == self.other_owner)
        paper = issue.line_ids - paperless
        self.assertEqual(paperless.channel, "electronic")
        self.assertEqual(paperless.state, "sent")
        self.assertEqual(str(paperless.date_handed), "2025-12-28 10:00:00")
        self.assertNotIn("electronic", paper.mapped("channel"))
        self.assertEqual(set(paper.mapped("state")), {"prepared"})
        mail = self.env["mail.mail"].search(
            [("model", "=", "property.document.line"), ("res_id", "=", paperless.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.other_owner)
        self.assertIn(f"/my/documents/{paperless.id}", mail.body_html)
        # Billed again: no second e-mail.
        self.env["property.billing"]._bill_period(JANUARY, self.project)
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [("model", "=", "property.document.line"), ("res_id", "=", paperless.id)]
            ),
            1,
        )
