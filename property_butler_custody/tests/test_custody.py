from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler_billing.tests.common_billing import JANUARY, BillingCase

FEBRUARY = date(2026, 2, 1)
MARCH = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestCustody(BillingCase):
    """The owner of 3-2-1502 (the butler's grid, billed for it) entrusts it to the butler from
    January 2026 for 300 a month; 3-5-301 is butler2's grid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.Contract = cls.env["property.custody.contract"]
        cls.fee = cls.env.ref("property_butler_custody.property_fee_type_custody")
        cls.template = cls.env.ref("property_butler_custody.property_inspection_template_custody")

    def _contract(self, unit=None, partner=None, activate=True, **vals):
        contract = self.Contract.create(
            {
                "unit_id": (unit or self.unit).id,
                "partner_id": (partner or self.owner).id,
                "date_start": JANUARY,
                "monthly_fee": 300.0,
                **vals,
            }
        )
        if activate:
            with freeze_time(contract.date_start):
                contract.action_activate()
        return contract

    def _custody_lines(self, contract=None):
        return self.env["account.move.line"].search(
            [
                ("property_fee_type_id", "=", self.fee.id),
                # The tests' estate (the demo's contracts are billed in the same company).
                ("property_custody_contract_id.project_id", "=", self.project.id),
            ]
            + ([("property_custody_contract_id", "=", contract.id)] if contract else [])
        )

    def test_new_contract_defaults(self):
        """The butler's New form: the grid's butler, the custody fee, the whole scope, a
        number from the sequence, draft."""
        form = Form(self.Contract.with_user(self.butler))
        form.unit_id = self.unit
        form.partner_id = self.owner
        form.monthly_fee = 300
        contract = form.save()
        self.assertRegex(contract.name, r"^HC/\d{4}/\d{5}$")
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.user_id, self.butler)
        self.assertEqual(contract.fee_type_id, self.fee)
        self.assertEqual(contract.scope_item_ids, self.template.item_ids)
        self.assertEqual(contract.grid_id, self.grid)

    def test_billing_line_once_per_period(self):
        """The run bills the contract's fee on the owner's statement, beside the management
        fee, once: a re-run, also after posting, adds nothing."""
        contract = self._contract()
        with freeze_time("2026-01-01"):
            moves = self.env["property.billing"]._bill_period(JANUARY, self.project)
        statement = moves.filtered(lambda m: m.partner_id == self.owner)
        self.assertEqual(len(statement), 1)
        line = statement.invoice_line_ids.filtered(
            lambda line: line.property_fee_type_id == self.fee
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.price_unit, 300.0)
        self.assertEqual(line.property_custody_contract_id, contract)
        self.assertEqual(line.property_unit_id, self.unit)
        self.assertEqual(line.property_period, JANUARY)
        self.assertIn(contract.name, line.name)
        self.assertTrue(
            statement.invoice_line_ids.filtered(
                lambda line: line.property_fee_type_id == self.management
            )
        )
        self.assertEqual(contract.invoice_line_ids, line)
        with freeze_time("2026-01-01"):
            self.env["property.billing"]._bill_period(JANUARY, self.project)
            self.assertEqual(self._custody_lines(contract), line)
            statement.action_post()
            self.env["property.billing"]._bill_period(JANUARY, self.project)
        self.assertEqual(self._custody_lines(contract), line)
        # The butler opens the contract: its inspection on the form, the billed line for
        # finance.
        form = Form(contract.with_user(self.butler))
        self.assertEqual(len(form.inspection_ids), 1)
        self.assertTrue(form.is_billed)
        self.assertNotIn("invoice_line_ids", form._view["fields"])
        # February: a line of its own.
        with freeze_time("2026-02-01"):
            self.env["property.billing"]._bill_period(FEBRUARY, self.project)
        self.assertEqual(len(self._custody_lines(contract)), 2)

    def test_billing_prorated_and_ended(self):
        """Started on 11 February: 18 of 28 days; ended on 31 March: nothing from April."""
        contract = self._contract(date_start=date(2026, 2, 11), date_end=date(2026, 3, 31))
        billing = self.env["property.billing"]
        for month in (JANUARY, FEBRUARY, MARCH, date(2026, 4, 1)):
            with freeze_time(month):
                billing._bill_period(month, self.project)
        lines = self._custody_lines(contract).sorted("property_period")
        self.assertEqual(lines.mapped("property_period"), [FEBRUARY, MARCH])
        self.assertAlmostEqual(lines[0].price_unit, round(300 * 18 / 28, 2))
        self.assertEqual(lines[0].property_date_from, date(2026, 2, 11))
        self.assertEqual(lines[1].price_unit, 300.0)

    def test_owner_billed_without_fee_schedule_lines(self):
        """An owner who is not a billing contact of the estate is billed the custody fee
        alone."""
        owner = self.env["res.partner"].create({"name": "赵敏"})
        self._occupy(self.unit2, owner, date_start=JANUARY)
        contract = self._contract(unit=self.unit2, partner=owner)
        with freeze_time("2026-01-01"):
            moves = self.env["property.billing"]._bill_period(JANUARY, self.project)
        statement = moves.filtered(lambda m: m.partner_id == owner)
        self.assertEqual(statement.invoice_line_ids.property_custody_contract_id, contract)
        self.assertEqual(statement.amount_untaxed, 300.0)

    def test_draft_contract_not_billed(self):
        self._contract(activate=False)
        with freeze_time("2026-01-01"):
            self.env["property.billing"]._bill_period(JANUARY, self.project)
        self.assertFalse(self._custody_lines())

    def test_monthly_inspections_cron(self):
        """The daily job: this month's inspection of each active contract, once, the contract's
        scope as checklist, for its butler; none for an ended or draft contract."""
        scope = self.template.item_ids[:3]
        contract = self._contract(scope_item_ids=[(6, 0, scope.ids)])
        ended = self._contract(unit=self.unit_b, partner=self.other_owner)
        with freeze_time("2026-01-20"):
            ended.action_end()
        self._occupy(self.unit2, self.owner, date_start=JANUARY)
        draft = self._contract(unit=self.unit2, activate=False)
        Inspection = self.env["property.inspection"]
        with freeze_time("2026-03-05"):
            self.Contract._cron_custody_inspections()
            self.Contract._cron_custody_inspections()
        march = Inspection.search(
            [("template_id", "=", self.template.id), ("period", "=", "2026-03")]
        )
        self.assertEqual(march.custody_contract_id, contract)
        self.assertEqual(len(march), 1)
        self.assertEqual(march.user_id, self.butler)
        self.assertEqual(march.date_deadline, date(2026, 3, 31))
        self.assertEqual(march.line_ids.item_id, scope)
        self.assertEqual(set(march.line_ids.mapped("category")), {"custody"})
        self.assertFalse(
            Inspection.search(
                [("custody_contract_id", "in", (ended | draft).ids), ("period", "=", "2026-03")]
            )
        )
        # The next month, one more.
        with freeze_time("2026-04-02"):
            self.Contract._cron_custody_inspections()
        self.assertEqual(
            sorted(contract.inspection_ids.mapped("period")), ["2026-01", "2026-03", "2026-04"]
        )

    def test_inspection_done_reported_to_owner(self):
        """Done: the result is posted on the contract for the owner; a problem becomes a
        finding."""
        contract = self._contract()
        inspection = contract.inspection_ids
        self.assertEqual(len(inspection), 1)  # activated: January's inspection at once
        inspection.line_ids.write({"result": "ok"})
        leak = inspection.line_ids.filtered(lambda line: line.item_id.name == "Check for leaks")
        leak.write({"result": "problem", "note": "卫生间地面有水迹"})
        inspection.with_user(self.butler).action_done()
        message = contract.message_ids.filtered(lambda m: self.owner in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("卫生间地面有水迹", message.body)
        self.assertTrue(leak.ticket_id)
        self.assertEqual(contract.inspection_count, 1)

    def test_end_contract(self):
        contract = self._contract()
        with freeze_time("2026-05-10"):
            contract.action_end()
        self.assertEqual(contract.state, "ended")
        self.assertEqual(contract.date_end, date(2026, 5, 10))
        with self.assertRaises(UserError):
            contract.action_end()
        with self.assertRaises(UserError):
            contract.unlink()

    def test_one_active_contract_per_unit(self):
        self._contract()
        with self.assertRaises(ValidationError):
            self._contract(date_start=date(2026, 6, 1))

    def test_contract_from_recommendation(self):
        """An accepted recommendation of home custody: the contract form filled in from it,
        linked back."""
        custody = self.env.ref("property_butler_recommendation.property_service_offer_home_custody")
        recommendation = self.env["property.service.recommendation"].create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                "user_id": self.butler.id,
                "offer_id": custody.id,
            }
        )
        self.assertTrue(recommendation.is_custody)
        with self.assertRaises(UserError):
            recommendation.action_create_custody_contract()
        recommendation.action_accept()
        with self.assertRaises(UserError):
            recommendation.action_create_ticket()  # a contract, not a one-off ticket
        action = recommendation.action_create_custody_contract()
        form = Form(self.Contract.with_user(self.butler).with_context(**action["context"]))
        contract = form.save()
        self.assertEqual(contract.recommendation_id, recommendation)
        self.assertEqual(contract.unit_id, self.unit)
        self.assertEqual(contract.partner_id, self.owner)
        self.assertEqual(contract.monthly_fee, custody.product_id.list_price)
        self.assertEqual(recommendation.custody_contract_ids, contract)

    def test_grid_restriction(self):
        mine = self._contract(activate=False)
        theirs = self._contract(unit=self.unit_b, partner=self.other_owner, activate=False)
        self.company.property_grid_restricted = True
        self.assertEqual(
            self.Contract.with_user(self.butler2).search([("id", "in", (mine | theirs).ids)]),
            theirs,
        )
        with self.assertRaises(AccessError):
            mine.with_user(self.butler2).read(["monthly_fee"])
        self.assertEqual(
            self.Contract.with_user(self.supervisor).search_count(
                [("id", "in", (mine | theirs).ids)]
            ),
            2,
        )
        self._residents()
        with self.assertRaises(AccessError):
            mine.with_user(self.resident).read(["monthly_fee"])

    def test_scheduled_billing_run(self):
        """The scheduler's run of 28 January prepares February, the custody line included,
        also for an owner billed for nothing else; run again, nothing more."""
        owner = self.env["res.partner"].create({"name": "赵敏"})
        self._occupy(self.unit2, owner, date_start=JANUARY)
        contract = self._contract()
        other = self._contract(unit=self.unit2, partner=owner, monthly_fee=250.0)
        with freeze_time("2026-01-28"):
            self.env["property.billing"]._cron_monthly_billing()
            self.env["property.billing"]._cron_monthly_billing()
        lines = self._custody_lines()
        self.assertEqual(lines.property_custody_contract_id, contract | other)
        self.assertEqual(set(lines.mapped("property_period")), {FEBRUARY})
        self.assertEqual(
            self._custody_lines(other).move_id.invoice_line_ids.mapped("price_unit"), [250.0]
        )

    def test_status_and_billed_terms_by_buttons_only(self):
        """Through RPC nobody sets a contract's status nor changes what a signed one is billed
        on; only the home's owner entrusts it."""
        with self.assertRaisesRegex(UserError, "draft"), self.env.cr.savepoint():
            self.Contract.with_user(self.butler).create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "monthly_fee": 300.0,
                    "state": "active",
                }
            )
        with self.assertRaisesRegex(ValidationError, "not an owner"), self.env.cr.savepoint():
            self._contract(partner=self.other_owner, activate=False)
        with self.assertRaisesRegex(ValidationError, "not an owner"), self.env.cr.savepoint():
            self._contract(partner=self.member, activate=False)
        contract = self._contract().with_user(self.butler)
        for vals in (
            {"state": "draft"},
            {"state": "ended"},
            {"monthly_fee": 1.0},
            {"date_start": date(2026, 3, 1)},
            {"unit_id": self.unit_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError), self.env.cr.savepoint():
                contract.write(vals)
        self.assertEqual((contract.state, contract.monthly_fee), ("active", 300.0))
        contract.date_end = date(2026, 12, 31)
        with freeze_time("2026-02-10"):
            contract.action_end()
        self.assertEqual((contract.state, contract.date_end), ("ended", date(2026, 2, 10)))

    def test_inspection_cron_ends_when_home_already_inspected(self):
        """A home inspected this month under a contract that ended, entrusted again: no second
        inspection, and the job does not go round forever."""
        first = self._contract(date_start=date(2026, 3, 1))
        with freeze_time("2026-03-10"):
            first.action_end()
        second = self._contract(date_start=date(2026, 3, 11))
        self.assertFalse(second.inspection_ids, "the home was inspected this month")
        with freeze_time("2026-03-12"):
            runs = self._run_as_scheduled(
                "property_butler_custody.property_custody_contract_cron_inspections",
                "_cron_custody_inspections",
            )
        self.assertLessEqual(len(runs[1]), 1, runs[1])
        with freeze_time("2026-03-12"):
            self.Contract._cron_custody_inspections()
        self.assertEqual(
            self.env["property.inspection"].search_count(
                [("unit_id", "=", self.unit.id), ("period", "=", "2026-03")]
            ),
            1,
        )
