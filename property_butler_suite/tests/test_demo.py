from odoo.tests import TransactionCase, tagged

STEPS = (
    "_generate_demo_tickets",
    "_generate_demo_patrols",
    "_generate_demo_decoration",
    "_generate_demo_storms",
    "_generate_demo_handovers",
)


@tagged("post_install", "-at_install")
class TestDemoEstate(TransactionCase):
    """The demo estate that bin/start installs, each addon's part of it: every menu has
    realistic data, and loading an addon's demo again (as an upgrade does) adds nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env.ref("property_butler.project_sunshine", raise_if_not_found=False)
        if not cls.project:
            cls.skipTest(cls, "the database has no demo data")

    def _count(self, model, domain=()):
        return self.env[model].search_count(list(domain))

    def test_every_domain_has_data(self):
        project = self.project
        units = project.unit_ids
        # The generated estate's 400, and the 4 of the building under takeover (3-5).
        self.assertEqual(len(units), 404)
        self.assertEqual(set(units.mapped("state")), {"occupied", "vacant", "decorating", "unsold"})
        self.assertEqual(len(project.grid_ids), 4)
        on_project = [("project_id", "=", project.id)]
        self.assertGreaterEqual(self._count("property.ticket", on_project), 100)
        self.assertTrue(self._count("property.ticket.callback", [("state", "=", "done")]))
        self.assertTrue(self._count("property.patrol.round", on_project))
        self.assertTrue(self._count("property.inspection"))
        self.assertEqual(self._count("property.decoration.permit", on_project), 14)
        self.assertEqual(self._count("property.storm.alert"), 3)
        self.assertTrue(self._count("property.storm.alert", [("kind", "=", "snow")]))
        self.assertTrue(
            self._count(
                "property.ticket", [("storm_alert_id", "!=", False), ("priority", "=", "1")]
            ),
            "no urgent hazard found during the storm",
        )
        self.assertTrue(self._count("property.handover.log", on_project))
        self.assertTrue(self._count("property.fee.rate", on_project))
        self.assertTrue(self._count("property.debit.mandate", [("state", "=", "active")]))
        self.assertTrue(self._count("property.debit.batch"))
        # The butler's relationship work, the unit's life, parking and equipment.
        for model, domain in (
            ("property.visit", on_project),
            ("property.visit.plan", []),
            ("property.household", on_project),
            ("property.survey.invitation", [("state", "=", "done")]),
            ("property.activity.callback", []),
            ("event.registration", [("unit_id", "!=", False)]),
            ("property.service.recommendation", [("state", "=", "accepted")]),
            ("property.custody.contract", [("state", "=", "active")]),
            ("property.parking.contract", [("state", "=", "active")]),
            ("property.parking.waitlist", []),
            ("property.takeover.defect", []),
            ("property.unit.handover", [("state", "=", "done")]),
            ("property.move", [("state", "=", "done")]),
            ("maintenance.equipment", [("property_project_id", "=", project.id)]),
            ("maintenance.request", [("property_ticket_id", "!=", False)]),
        ):
            with self.subTest(model=model):
                self.assertTrue(self._count(model, domain), f"no demo {model}")
        # Parking rents and custody fees billed by the monthly runs of the fee history.
        for contract_field in ("property_parking_contract_id", "property_custody_contract_id"):
            with self.subTest(billed=contract_field):
                self.assertTrue(
                    self._count(
                        "account.move.line",
                        [(contract_field, "!=", False), ("parent_state", "=", "posted")],
                    ),
                    f"no demo statement line with {contract_field}",
                )
        invoices = self.env["account.move"].search(
            [("move_type", "=", "out_invoice"), ("property_period", "!=", False)]
        )
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertEqual(set(invoices.mapped("currency_id.name")), {"CNY"})
        paid_states = set(invoices.mapped("payment_state"))
        self.assertIn("paid", paid_states)
        self.assertIn("not_paid", paid_states, "arrears")

    def test_dunning_cases_at_every_stage_with_their_log(self):
        Case = self.env["property.dunning.case"]
        stages = self.env["property.dunning.stage"].search(
            [("company_id", "=", self.project.company_id.id)]
        )
        self.assertEqual(len(stages), 4)
        for stage in stages:
            cases = Case.search([("stage_id", "=", stage.id)])
            self.assertTrue(cases, f"no dunning case reached {stage.name}")
            self.assertTrue(cases.log_ids, f"no log of the cases of {stage.name}")
        self.assertTrue(Case.search_count([("state", "=", "open")]))
        self.assertTrue(Case.search_count([("state", "=", "paid")]))
        self.assertTrue(Case.search_count([("malicious", "=", True)]))
        late_fee = self.env.ref("property_butler_billing.product_late_fee")
        self.assertTrue(
            self._count(
                "account.move.line",
                [("product_id", "=", late_fee.id), ("parent_state", "=", "posted")],
            ),
            "no late fee for the malicious defaulters",
        )

    def test_demo_guards_read_no_resident(self):
        """The demo's guards, front desk and engineer have no accounting group (which Odoo gives
        every user existing when accounting is installed): a guard reads no resident, not even
        the parking tenant from outside."""
        ref = self.env.ref
        for xmlid in ("user_guard", "user_guard2", "user_front_desk", "user_staff"):
            user = ref(f"property_butler.{xmlid}")
            self.assertFalse(user.has_group("account.group_account_invoice"), xmlid)
        guard = ref("property_butler.user_guard")
        Partner = self.env["res.partner"].with_user(guard)
        residents = self.env["res.partner"].search([("property_is_resident", "=", True)])
        self.assertTrue(residents)
        self.assertFalse(Partner.search([("id", "in", residents.ids)]))
        tenants = self.env["property.parking.contract"].search([]).partner_id
        self.assertFalse(Partner.search([("id", "in", tenants.ids)]))

    def test_loading_the_demo_again_adds_nothing(self):
        Generator = self.env["property.demo.generator"]
        models = (
            "property.unit",
            "res.partner",
            "property.ticket",
            "property.checkpoint",
            "property.decoration.permit",
            "property.storm.alert",
            "property.handover.log",
            "property.fee.rate",
            "account.move",
            "property.dunning.case",
            "property.debit.batch",
            "property.parking.contract",
            "property.custody.contract",
        )
        before = {model: self._count(model) for model in models}
        Generator._generate_demo_estate(self.project.id, [], ["resident1"])
        for step in STEPS:
            getattr(Generator, step)()
        for module in (
            "property_butler_billing",
            "property_butler_dunning",
            "property_butler_debit",
            "property_butler_parking",
            "property_butler_custody",
        ):
            Generator._generate_demo_fees(module)
        Generator._generate_demo_parking()
        Generator._generate_demo_custody()
        self.assertEqual({model: self._count(model) for model in models}, before)
