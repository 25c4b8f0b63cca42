from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase

REMINDER = "property_butler_parking.mail_activity_data_parking_expiry"
OFFER = "property_butler_parking.mail_activity_data_parking_offer"


@tagged("post_install", "-at_install")
class TestParking(BillingCase):
    """The butler's grid is building 2 (3-2-1502: the owner, a household member, parking space
    B1-P07), butler2's building 5 (3-5-301 of the other owner, space B1-P01)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls.space = cls._parking_space()
        cls.building_b.basement_count = 1
        cls.space_b = cls.env["property.unit"].create(
            {
                "building_id": cls.building_b.id,
                "floor": -1,
                "number": "B1-P01",
                "area": 12.5,
                "unit_type": "parking",
            }
        )
        cls.household = cls.env["property.household"].create({"unit_id": cls.unit.id})
        cls.vehicle = cls.env["property.household.vehicle"].create(
            {"household_id": cls.household.id, "plate": "粤A12345"}
        )
        cls.outsider = cls.env["res.partner"].create({"name": "赵先生"})
        cls.Contract = cls.env["property.parking.contract"]
        cls.Waitlist = cls.env["property.parking.waitlist"]
        cls.rental = cls.env.ref("property_butler_parking.property_fee_type_parking_rental")

    def _ours(self):
        """The records of the tests' estate (the demo's contracts are in the same company)."""
        return [("project_id", "=", self.project.id)]

    def _contract(self, **vals):
        return self.Contract.create(
            {
                "space_id": self.space.id,
                "partner_id": self.owner.id,
                "plates": "粤A·12345",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "monthly_rate": 300.0,
                "deposit": 500.0,
                **vals,
            }
        )

    def _rental_lines(self, contract):
        return self.env["account.move.line"].search(
            [("property_parking_contract_id", "=", contract.id)], order="property_date_from"
        )

    # -- Refusals -----------------------------------------------------------------------
    def test_overlap_refused(self):
        first = self._contract()
        first.action_activate()
        with self.assertRaisesRegex(ValidationError, "already rented"), self.env.cr.savepoint():
            self._contract(
                partner_id=self.outsider.id,
                date_start=date(2026, 12, 1),
                date_end=date(2027, 5, 31),
            )
        with self.assertRaisesRegex(ValidationError, "already rented"), self.env.cr.savepoint():
            first.copy({"date_start": date(2026, 6, 1), "date_end": date(2026, 6, 30)})
        self.assertEqual(self.Contract.search_count([("space_id", "=", self.space.id)]), 1)
        # Back to back is fine, and another space at the same time.
        self._contract(date_start=date(2027, 1, 1), date_end=date(2027, 12, 31))
        self._contract(space_id=self.space_b.id, partner_id=self.outsider.id)
        self.assertEqual(self.Contract.search_count(self._ours()), 3)

    def test_plate_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a plate"), self.env.cr.savepoint():
            self._contract(plates="粤A·12345, 12345")
        with self.assertRaisesRegex(ValidationError, "not a plate"), self.env.cr.savepoint():
            self._contract(plates=" ")
        self.assertFalse(self.Contract.search_count(self._ours()))
        contract = self._contract(plates="粤a 12345；粤B·D12345")
        self.assertEqual(contract.plates, "粤A12345, 粤B·D12345")
        with self.assertRaisesRegex(ValidationError, "not a plate"):
            contract.plates = "ABC"
        with self.assertRaisesRegex(ValidationError, "parking space"), self.env.cr.savepoint():
            self._contract(space_id=self.unit2.id)

    # -- Billing ------------------------------------------------------------------------
    def test_billing_quarterly_in_advance_once(self):
        contract = self._contract(
            partner_id=self.outsider.id,
            date_start=date(2026, 1, 15),
            payment_period="quarterly",
            monthly_rate=300.0,
        )
        Billing = self.env["property.billing"]
        Billing._bill_period(date(2026, 1, 1), self.project)
        self.assertFalse(self._rental_lines(contract), "a draft is not billed")
        contract.action_activate()
        moves = Billing._bill_period(date(2026, 1, 1), self.project)
        line = self._rental_lines(contract)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.partner_id, self.outsider)
        self.assertIn(line.move_id, moves)
        self.assertEqual(line.price_unit, 900.0)
        self.assertEqual(line.property_fee_type_id, self.rental)
        self.assertEqual(line.property_unit_id, self.space)
        self.assertEqual(
            (line.property_date_from, line.property_date_to), (date(2026, 1, 15), date(2026, 4, 14))
        )
        # Again, and the next months of the quarter: nothing more.
        for month in (1, 2, 3):
            Billing._bill_period(date(2026, month, 1), self.project)
        self.assertEqual(len(self._rental_lines(contract)), 1)
        # April's run bills the second quarter; October's the last, shorter one.
        Billing._bill_period(date(2026, 4, 1), self.project)
        Billing._bill_period(date(2026, 4, 1), self.project)
        lines = self._rental_lines(contract)
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines[1].price_unit, 900.0)
        self.assertEqual(lines[1].property_date_from, date(2026, 4, 15))
        Billing._bill_period(date(2026, 7, 1), self.project)
        Billing._bill_period(date(2026, 10, 1), self.project)
        self.assertEqual(len(self._rental_lines(contract)), 4)
        last = self._rental_lines(contract)[-1]
        self.assertEqual(
            (last.property_date_from, last.property_date_to),
            (date(2026, 10, 15), date(2026, 12, 31)),
        )
        # 2 months (to 14 December) and 17 days of the 31 from 15 December.
        self.assertAlmostEqual(last.price_unit, round(300 * (2 + 17 / 31), 2))

    def test_billing_monthly_catch_up_and_owner_statement(self):
        """A contract of the owner, signed late: the months due so far on one line of the
        owner's statement, beside the management fee; later months one by one."""
        contract = self._contract(monthly_rate=280.0)
        contract.action_activate()
        Billing = self.env["property.billing"]
        Billing._bill_period(date(2026, 3, 1), self.project)
        line = self._rental_lines(contract)
        self.assertEqual(line.price_unit, 840.0)
        self.assertEqual(line.property_date_to, date(2026, 3, 31))
        self.assertIn(self.management, line.move_id.invoice_line_ids.property_fee_type_id)
        Billing._bill_period(date(2026, 4, 1), self.project)
        Billing._bill_period(date(2026, 4, 1), self.project)
        lines = self._rental_lines(contract)
        self.assertEqual(lines.mapped("price_unit"), [840.0, 280.0])

    def test_scheduled_run_bills_next_month_once(self):
        contract = self._contract(partner_id=self.outsider.id, date_start=date(2026, 2, 1))
        contract.action_activate()
        Billing = self.env["property.billing"]
        with freeze_time("2026-01-28"):
            Billing._cron_monthly_billing()
            Billing._cron_monthly_billing()
        line = self._rental_lines(contract)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.property_period, date(2026, 2, 1))
        self.assertEqual(line.price_unit, 300.0)
        self.assertEqual(line.move_id.partner_id, self.outsider)

    def test_renewal_in_the_same_month_billed_next_run(self):
        """A renewal from the middle of a month the previous contract was billed in: the
        space, fee, month and tenant are billed once, so the next month's run bills it."""
        contract = self._contract(date_end=date(2026, 3, 15))
        contract.action_activate()
        renewal = self.Contract.browse(contract.action_renew()["res_id"])
        renewal.date_end = date(2026, 12, 31)
        renewal.action_activate()
        Billing = self.env["property.billing"]
        for month in (1, 2, 3, 3):
            Billing._bill_period(date(2026, month, 1), self.project)
        self.assertEqual(
            self._rental_lines(contract).mapped("price_unit"),
            [300.0, 300.0, round(300 * 15 / 31, 2)],
        )
        self.assertFalse(self._rental_lines(renewal))
        Billing._bill_period(date(2026, 4, 1), self.project)
        line = self._rental_lines(renewal)
        self.assertEqual(
            (line.property_date_from, line.property_date_to), (date(2026, 3, 16), date(2026, 5, 15))
        )
        self.assertEqual(line.price_unit, 600.0)

    def test_end_early_credits_prepaid_days(self):
        contract = self._contract(payment_period="yearly", monthly_rate=300.0)
        contract.action_activate()
        moves = self.env["property.billing"]._bill_period(date(2026, 1, 1), self.project)
        moves.action_post()
        self.assertEqual(self._rental_lines(contract).price_unit, 3600.0)
        with freeze_time("2026-06-30"):
            contract.action_end()
        self.assertEqual((contract.state, contract.date_end), ("ended", date(2026, 6, 30)))
        credits = self.env["property.billing"]._cron_prepaid_credits()
        credit_line = credits.invoice_line_ids.filtered(
            lambda line: line.property_fee_type_id == self.rental
        )
        self.assertEqual(credit_line.price_unit, 1800.0)
        self.assertFalse(self.env["property.billing"]._cron_prepaid_credits())

    # -- Renewal, reminders, waiting list -----------------------------------------------
    def test_renewal(self):
        contract = self._contract(payment_period="quarterly")
        contract.action_activate()
        action = contract.action_renew()
        renewal = self.Contract.browse(action["res_id"])
        self.assertEqual(renewal.previous_id, contract)
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(
            (renewal.date_start, renewal.date_end), (date(2027, 1, 1), date(2027, 12, 31))
        )
        self.assertEqual(
            (
                renewal.space_id,
                renewal.partner_id,
                renewal.plates,
                renewal.payment_period,
                renewal.monthly_rate,
            ),
            (self.space, self.owner, "粤A·12345", "quarterly", 300.0),
        )
        self.assertNotEqual(renewal.name, contract.name)
        with self.assertRaisesRegex(UserError, "already renewed"):
            contract.action_renew()

    def test_reminder_once(self):
        contract = self._contract()
        contract.action_activate()
        Contract = self.Contract

        def reminders():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", contract._name),
                    ("res_id", "=", contract.id),
                    ("activity_type_id", "=", self.env.ref(REMINDER).id),
                ]
            )

        with freeze_time("2026-11-30"):
            Contract._cron_parking_contracts()
        self.assertFalse(reminders())
        with freeze_time("2026-12-01"):
            Contract._cron_parking_contracts()
            Contract._cron_parking_contracts()
        with freeze_time("2026-12-15"):
            Contract._cron_parking_contracts()
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(reminders().user_id, contract.user_id)
        self.assertEqual(contract.reminder_date, date(2026, 12, 1))
        self.assertEqual(contract.state, "active")
        with freeze_time("2027-01-01"):
            Contract._cron_parking_contracts()
        self.assertEqual(contract.state, "expired")
        self.assertEqual(len(reminders()), 1)

    def test_waitlist_offer(self):
        contract = self._contract()
        contract.action_activate()
        first, second = self.Waitlist.create(
            [
                {
                    "project_id": self.project.id,
                    "partner_id": self.other_owner.id,
                    "plate": "粤B 54321",
                    "date": date(2026, 3, 1),
                },
                {
                    "project_id": self.project.id,
                    "partner_id": self.outsider.id,
                    "plate": "粤C·11111",
                    "date": date(2026, 4, 1),
                },
            ]
        )
        self.assertEqual((first.position, second.position), (1, 2))
        self.assertEqual(first.grid_id, self.grid_b)
        with self.assertRaisesRegex(UserError, "not a plate"):
            self.Waitlist.create(
                {"project_id": self.project.id, "partner_id": self.outsider.id, "plate": "nope"}
            )
        with freeze_time("2027-01-01"):
            self.Contract._cron_parking_contracts()
        self.assertEqual(contract.state, "expired")
        self.assertEqual((first.state, first.space_id), ("offered", self.space))
        self.assertEqual(first.activity_ids.activity_type_id, self.env.ref(OFFER))
        second.invalidate_recordset(["position"])
        self.assertEqual((second.state, second.position), ("waiting", 1))
        # The offer becomes the applicant's contract.
        with freeze_time("2027-01-02"):
            action = first.action_create_contract()
            form = Form(self.Contract.with_context(**action["context"]))
            form.monthly_rate = 320.0
            form.date_end = date(2027, 12, 31)
            new = form.save()
            new.action_activate()
        self.assertEqual(
            (new.space_id, new.partner_id, new.plates), (self.space, self.other_owner, "粤B54321")
        )
        self.assertEqual(first.state, "done")
        # Ending it early frees the space for the next in line.
        with freeze_time("2027-03-10"):
            new.action_end()
        self.assertEqual((second.state, second.space_id), ("offered", self.space))

    def test_renewal_keeps_space_from_waitlist(self):
        contract = self._contract()
        contract.action_activate()
        contract.action_renew()
        entry = self.Waitlist.create(
            {"project_id": self.project.id, "partner_id": self.outsider.id, "plate": "粤C·11111"}
        )
        with freeze_time("2027-01-01"):
            self.Contract._cron_parking_contracts()
        self.assertEqual(contract.state, "expired")
        self.assertEqual(entry.state, "waiting")

    # -- Vehicle register ---------------------------------------------------------------
    def test_vehicle_register(self):
        form = Form(self.Contract.with_user(self.butler))
        form.space_id = self.space
        form.partner_id = self.owner
        self.assertEqual(form.household_id, self.household.with_user(self.butler))
        form.vehicle_ids.add(self.vehicle)
        self.assertEqual(form.plates, "粤A12345")
        form.plates = "粤A12345, 粤B·D12345"
        form.date_start = date(2026, 1, 1)
        form.monthly_rate = 300.0
        contract = form.save()
        self.assertEqual(contract.date_end, date(2026, 12, 31))
        self.assertEqual(contract.grid_id, self.grid)
        contract.action_activate()
        self.assertEqual(
            sorted(self.household.vehicle_ids.mapped("plate")), ["粤A12345", "粤B·D12345"]
        )
        # The front desk registers a resident's new plate too (it only reads the register).
        other = self._contract(
            space_id=self.space_b.id,
            plates="粤C·33333",
            date_start=date(2027, 1, 1),
            date_end=date(2027, 6, 30),
        ).with_user(self.front_desk)
        other.action_activate()
        self.assertIn("粤C·33333", self.household.vehicle_ids.mapped("plate"))
        self.household.vehicle_ids.filtered(lambda v: v.plate == "粤C·33333").unlink()
        # An outsider has no household: nothing registered.
        outsider = self._contract(
            space_id=self.space_b.id, partner_id=self.outsider.id, plates="粤C·22222"
        )
        outsider.action_activate()
        self.assertFalse(outsider.household_id)
        self.assertEqual(len(self.household.vehicle_ids), 2)

    # -- Access -------------------------------------------------------------------------
    def test_grid_restriction(self):
        mine = self._contract()
        theirs = self._contract(
            space_id=self.space_b.id,
            partner_id=self.other_owner.id,
            plates="粤B·54321",
            user_id=self.manager.id,
        )
        entry = self.Waitlist.create(
            {
                "project_id": self.project.id,
                "partner_id": self.other_owner.id,
                "plate": "粤B 54321",
                "user_id": self.manager.id,
            }
        )
        self.assertEqual((mine.grid_id, theirs.grid_id), (self.grid, self.grid_b))
        self.company.property_grid_restricted = True
        self.assertEqual(self.Contract.with_user(self.butler).search(self._ours()), mine)
        self.assertEqual(self.Contract.with_user(self.butler2).search(self._ours()), theirs)
        self.assertFalse(self.Waitlist.with_user(self.butler).search(self._ours()))
        self.assertEqual(self.Waitlist.with_user(self.butler2).search(self._ours()), entry)
        with self.assertRaises(AccessError):
            theirs.with_user(self.butler).read(["partner_id"])
        self.assertEqual(self.Contract.with_user(self.supervisor).search_count(self._ours()), 2)
        self.assertEqual(self.Contract.with_user(self.front_desk).search_count(self._ours()), 2)
        for user in (self.guard, self.staff):
            with self.assertRaises(AccessError):
                self.Contract.with_user(user).search([])
        # The overlap check sees the other grid's contracts.
        with self.assertRaisesRegex(ValidationError, "already rented"), self.env.cr.savepoint():
            self.Contract.with_user(self.butler).create(
                {
                    "space_id": self.space_b.id,
                    "partner_id": self.owner.id,
                    "plates": "粤A·12345",
                    "date_start": date(2026, 6, 1),
                    "date_end": date(2026, 6, 30),
                    "monthly_rate": 300.0,
                }
            )
        self.company.property_grid_restricted = False
        self.assertEqual(self.Contract.with_user(self.butler).search_count(self._ours()), 2)

    def test_status_and_billed_terms_by_buttons_only(self):
        """Through the web client's RPC, nobody sets a contract's status, nor changes what a
        signed one is billed on (the tenant, space, start, rate, payment period)."""
        with self.assertRaisesRegex(UserError, "draft"), self.env.cr.savepoint():
            self.Contract.with_user(self.front_desk).create(
                {
                    "space_id": self.space.id,
                    "partner_id": self.outsider.id,
                    "plates": "粤A·12345",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "monthly_rate": 300.0,
                    "state": "active",
                }
            )
        contract = self._contract(partner_id=self.outsider.id)
        desk = contract.with_user(self.front_desk)
        desk.action_activate()
        self.assertEqual(contract.state, "active")
        for vals in (
            {"state": "draft"},
            {"state": "ended"},
            {"monthly_rate": 1.0},
            {"partner_id": self.owner.id},
            {"space_id": self.space_b.id},
            {"date_start": date(2026, 6, 1)},
            {"payment_period": "yearly"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError), self.env.cr.savepoint():
                desk.write(vals)
        self.assertEqual((contract.state, contract.monthly_rate), ("active", 300.0))
        # Its end still moves (a tenant stays longer), and the buttons work.
        desk.date_end = date(2027, 3, 31)
        with freeze_time("2026-06-15"):
            desk.action_end()
        self.assertEqual((contract.state, contract.date_end), ("ended", date(2026, 6, 15)))
        desk.action_reset_draft()
        self.assertEqual(contract.state, "draft")

    def test_household_is_the_tenants_own(self):
        """The front desk records a resident's contract: the household is found whatever the
        front desk may read, and another household cannot be put in its place (the plates go
        to that register)."""
        other_household = self.env["property.household"].create({"unit_id": self.unit_b.id})
        contract = self._contract().with_user(self.front_desk)
        self.assertEqual(contract.household_id, self.household)
        self.assertEqual(contract.grid_id, self.grid)
        with self.assertRaisesRegex(ValidationError, "does not live in"), self.env.cr.savepoint():
            contract.household_id = other_household
        stranger = self.env["property.household.vehicle"].create(
            {"household_id": other_household.id, "plate": "粤B·99999"}
        )
        with self.assertRaisesRegex(ValidationError, "tenant's household only"):
            contract.vehicle_ids = stranger

    def test_cron_full_batch_expires_nothing_more(self):
        """A batch filled by reminders expires nothing in it (limit 0 is no limit for search):
        the expiries come in the next batch."""
        ending = self._contract(date_end=date(2026, 6, 30))
        past = self._contract(
            space_id=self.space_b.id,
            partner_id=self.outsider.id,
            date_end=date(2026, 5, 31),
            reminder_date=date(2026, 5, 1),
        )
        (ending | past).action_activate()
        with freeze_time("2026-06-10"):
            batch = self.Contract._parking_contract_batch(date(2026, 6, 10), 1)
        self.assertEqual(batch.records, ending)
        self.assertEqual(past.state, "active")
        self.assertEqual((batch.done, batch.remaining), (1, 1))
        with freeze_time("2026-06-10"):
            self.Contract._cron_parking_contracts(batch_size=1)
        self.assertEqual(past.state, "expired")

    def test_outsider_tenant_read_like_a_resident(self):
        """An outsider who rents a space is the estate's client: the front desk and the butlers
        read their phone, the guards and another company's staff do not."""
        self.outsider.phone = "13900001234"
        self._contract(partner_id=self.outsider.id)
        self.assertEqual(self.outsider.sudo().property_client_company_ids, self.company)
        for user in (self.front_desk, self.butler, self.supervisor):
            self.assertEqual(self.outsider.with_user(user).phone, "13900001234")
        for user in (self.guard, self.staff):
            with self.assertRaises(AccessError):
                self.outsider.with_user(user).read(["phone"])
        entry = self.env["res.partner"].create({"name": "钱女士", "phone": "13700005678"})
        self.Waitlist.create(
            {"project_id": self.project.id, "partner_id": entry.id, "plate": "粤B 54321"}
        )
        with self.assertRaises(AccessError):
            entry.with_user(self.guard).read(["phone"])
