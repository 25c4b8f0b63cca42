"""Residents' contact details reach only the roles that need them (issue 10, findings 3, 4, 6)."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase

from odoo.addons.property_butler.tests.common import PropertyButlerCase


class PrivacyCase(BillingCase):
    """Two grids (butler: building 2, butler2: building 5), a billed, unpaid and dunned
    resident in each, with bank accounts, mandates, tickets, callbacks and followers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.property_grid_restricted = True
        cls._two_grids_billed()
        moves = cls._bill_january()
        cls.move_mine = moves.filtered(lambda m: m.partner_id == cls.owner)
        cls.move_theirs = moves.filtered(lambda m: m.partner_id == cls.other_owner)
        with freeze_time("2026-01-10"):
            cls.env["property.dunning.case"]._cron_dunning()
        Case = cls.env["property.dunning.case"]
        cls.case_mine = Case.search([("unit_id", "=", cls.unit.id)])
        cls.case_theirs = Case.search([("unit_id", "=", cls.unit_b.id)])
        Bank = cls.env["res.partner.bank"]
        cls.bank_mine = Bank.create({"partner_id": cls.owner.id, "acc_number": "CN6222001"})
        cls.bank_theirs = Bank.create({"partner_id": cls.other_owner.id, "acc_number": "CN6222002"})
        Mandate = cls.env["property.debit.mandate"]
        cls.mandate_mine = Mandate.create(
            {"partner_id": cls.owner.id, "bank_account_id": cls.bank_mine.id}
        )
        cls.mandate_theirs = Mandate.create(
            {"partner_id": cls.other_owner.id, "bank_account_id": cls.bank_theirs.id}
        )
        cls.engineering = cls.env.ref("property_butler_ticket.property_department_engineering")
        cls.engineering.write(
            {"leader_id": cls.staff.id, "member_ids": [Command.set(cls.staff.ids)]}
        )
        repair = cls.env.ref("property_butler_ticket.property_ticket_type_repair")
        Ticket = cls.env["property.ticket"]
        cls.ticket_mine, cls.ticket_theirs = Ticket.create(
            [
                {
                    "title": "Tap leaks",
                    "description": "<p>The kitchen tap leaks.</p>",
                    "ticket_type_id": repair.id,
                    "unit_id": cls.unit.id,
                    "partner_id": cls.owner.id,
                    "department_id": cls.engineering.id,
                },
                {
                    "title": "Door stuck",
                    "description": "<p>The front door is stuck.</p>",
                    "ticket_type_id": repair.id,
                    "unit_id": cls.unit_b.id,
                    "partner_id": cls.other_owner.id,
                    "department_id": cls.env.ref(
                        "property_butler_ticket.property_department_cleaning"
                    ).id,
                },
            ]
        )
        (cls.ticket_mine | cls.ticket_theirs).action_done()
        Callback = cls.env["property.ticket.callback"]
        cls.callback_mine = Callback.search([("ticket_id", "=", cls.ticket_mine.id)])
        cls.callback_theirs = Callback.search([("ticket_id", "=", cls.ticket_theirs.id)])
        cls.contractor = cls.env["res.partner"].create({"name": "美家裝飾工程有限公司"})
        cls.permit_theirs = cls.env["property.decoration.permit"].create(
            {
                "unit_id": cls.unit_b.id,
                "applicant_id": cls.other_owner.id,
                "contractor_id": cls.contractor.id,
                "scope": "Kitchen",
                "date_start": date(2026, 11, 20),
                "date_end": date(2026, 12, 20),
            }
        )


@tagged("post_install", "-at_install")
class TestRestrictedButlerSideDoors(PrivacyCase):
    def test_records_naming_other_grids_residents_are_out_of_reach(self):
        env = self.env(user=self.butler)
        pairs = [
            ("property.dunning.case", self.case_mine, self.case_theirs),
            ("property.ticket.callback", self.callback_mine, self.callback_theirs),
            ("account.move", self.move_mine, self.move_theirs),
            ("account.move.line", self.move_mine.line_ids, self.move_theirs.line_ids),
            ("property.debit.mandate", self.mandate_mine, self.mandate_theirs),
            ("res.partner.bank", self.bank_mine, self.bank_theirs),
            ("res.partner", self.owner, self.other_owner),
        ]
        for model, mine, theirs in pairs:
            self.assertTrue(mine and theirs, model)
            found = env[model].search([("id", "in", (mine | theirs).ids)])
            self.assertEqual(found, mine, model)
            with self.assertRaises(AccessError, msg=model):
                theirs.with_env(env).read(["display_name"])
        self.assertEqual(self.case_mine.with_env(env).phone, "13800000001")
        logs = env["property.collection.report"].search([])
        self.assertEqual(logs.unit_id, self.unit, "collection lines of the grid only")
        self.assertEqual(logs.partner_id.ids, self.owner.ids)
        followers = env["mail.followers"].search_read(
            [("partner_id", "in", (self.owner | self.other_owner).ids)], ["partner_id", "email"]
        )
        self.assertEqual({f["partner_id"][0] for f in followers}, set(self.owner.ids))
        self.assertNotIn("zhang.wei@example.com", str(followers))
        messages = env["mail.message"].search(
            [("model", "=", "property.dunning.case"), ("res_id", "=", self.case_theirs.id)]
        )
        self.assertFalse(messages, "the other grid's dunning chatter")
        # Unrestricted, the butler sees the whole company again.
        self.company.property_grid_restricted = False
        self.env.invalidate_all()
        self.assertEqual(
            env["property.dunning.case"].search([("id", "in", self.case_theirs.ids)]),
            self.case_theirs,
        )
        self.assertEqual(self.case_theirs.with_env(env).phone, "13800000004")

    def test_supervisor_sees_the_company(self):
        env = self.env(user=self.supervisor)
        for record in (self.case_theirs, self.move_theirs, self.bank_theirs, self.mandate_theirs):
            self.assertEqual(env[record._name].search([("id", "=", record.id)]), record)


@tagged("post_install", "-at_install")
class TestRoleScopes(PrivacyCase):
    def test_guard_reads_units_and_permits_not_contacts(self):
        env = self.env(user=self.guard)
        residents = self.owner | self.other_owner
        self.assertFalse(env["res.partner"].search([("id", "in", residents.ids)]))
        self.assertFalse(
            env["res.partner.bank"].search([]).filtered("partner_id.property_occupancy_ids")
        )
        self.assertEqual(self.unit_b.with_env(env).code, self.unit_b.code)
        occupancy = self.unit_b.occupancy_ids.with_env(env)
        self.assertEqual(occupancy.partner_id.id, self.other_owner.id)
        self.assertFalse(occupancy.phone or occupancy.email, "no phone through the occupancy")
        permit = self.permit_theirs.with_env(env)
        for context in ({"show_email": True}, {"show_address": True}):
            value = permit.with_context(**context).read(["applicant_id"])[0]["applicant_id"]
            self.assertEqual(value[1], "张伟", "the name only")
        spec = {"applicant_id": {"fields": {"display_name": {}}, "context": {"show_email": 1}}}
        self.assertEqual(permit.web_read(spec)[0]["applicant_id"]["display_name"], "张伟")
        self.assertFalse(env["mail.followers"].search([("partner_id", "in", residents.ids)]))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.guard)._render_qweb_html(
                "property_butler.property_grid_report_register", self.grid.ids
            )

    def test_front_desk_looks_residents_up_without_bank_accounts(self):
        env = self.env(user=self.front_desk)
        residents = self.owner | self.other_owner
        self.assertEqual(env["res.partner"].search([("id", "in", residents.ids)]), residents)
        self.assertEqual(self.unit_b.occupancy_ids.with_env(env).phone, "13800000004")
        self.assertFalse(env["res.partner.bank"].search([("partner_id", "in", residents.ids)]))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.front_desk)._render_qweb_html(
                "property_butler.property_grid_report_register", self.grid.ids
            )

    def test_staff_read_the_contacts_of_their_tickets(self):
        env = self.env(user=self.staff)
        self.assertEqual(
            env["res.partner"].search([("id", "in", (self.owner | self.other_owner).ids)]),
            self.owner,
        )
        self.assertEqual(self.ticket_mine.with_env(env).phone, "13800000001")
        self.assertFalse(self.unit_b.occupancy_ids.with_env(env).phone)
        self.assertFalse(env["res.partner.bank"].search([("partner_id", "=", self.owner.id)]))
        self.assertEqual(
            env["property.ticket.callback"].search(
                [("id", "in", (self.callback_mine | self.callback_theirs).ids)]
            ),
            self.callback_mine,
        )

    def test_grid_register_prints_for_the_butler(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.butler)
            ._render_qweb_html("property_butler.property_grid_report_register", self.grid.ids)[0]
        )
        self.assertIn(b"13800000001", html)
        self.assertNotIn(b"13800000004", html)


@tagged("post_install", "-at_install")
class TestResidentsCompany(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.moon, _project, _building, cls.moon_unit = cls._moon_bay()
        cls.moon_butler = cls._user("pb_moon_butler", "butler", company=cls.moon)

    def _readers(self):
        return (self.butler, self.supervisor, self.front_desk, self.manager)

    def test_a_resident_belongs_to_the_company_of_its_occupancies(self):
        self.assertFalse(self.tenant.company_id)
        self._occupy(self.moon_unit, self.tenant, role="tenant")
        self.assertEqual(self.tenant.company_id, self.moon, "set on creation")
        for user in self._readers():
            with self.assertRaises(AccessError, msg=user.login):
                self.tenant.with_user(user).read(["phone"])
            self.assertFalse(
                self.env["res.partner"].with_user(user).search([("id", "=", self.tenant.id)])
            )
        self.assertEqual(self.tenant.with_user(self.moon_butler).phone, "13800000003")
        self._occupy(self.unit, self.owner)
        self.assertEqual(self.owner.company_id, self.company)
        with self.assertRaises(AccessError):
            self.owner.with_user(self.moon_butler).read(["phone"])

    def test_a_resident_of_two_companies_is_shared_by_them_only(self):
        self._occupy(self.unit, self.owner)
        self._occupy(self.moon_unit, self.owner, role="tenant")
        self.assertFalse(self.owner.company_id, "kept right on change: shared")
        self.assertEqual(self.owner.with_user(self.moon_butler).phone, "13800000001")
        self.assertEqual(self.owner.with_user(self.butler).phone, "13800000001")
        third = self.env["res.company"].create({"name": "Star Estate"})
        star_desk = self._user("pb_star_desk", "supervisor", company=third)
        with self.assertRaises(AccessError):
            self.owner.with_user(star_desk).read(["phone"])
        # The moon occupancy goes (registered by mistake): the contact is the company's again.
        self.owner.property_occupancy_ids.filtered(lambda o: o.unit_id == self.moon_unit).unlink()
        self.assertEqual(self.owner.company_id, self.company)

    def test_migration_sets_existing_residents_company(self):
        self._occupy(self.moon_unit, self.tenant, role="tenant")
        self.tenant.company_id = False
        self._run_migration("18.0.1.1.0/post-migration.py", "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(self.tenant.company_id, self.moon)
