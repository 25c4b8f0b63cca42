from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GROUP, ROLES, PropertyButlerCase


@tagged("post_install", "-at_install")
class TestRoles(PropertyButlerCase):
    def test_implied_chain(self):
        expectations = {
            self.manager: ROLES,
            self.supervisor: ROLES[1:],
            self.butler: ["butler", "front_desk"],
            self.front_desk: ["front_desk"],
            self.guard: ["patrol_guard"],
            self.staff: ["department_staff"],
        }
        for user, roles in expectations.items():
            for role in ROLES:
                self.assertEqual(
                    user.has_group(GROUP + role), role in roles, f"{user.login} / {role}"
                )
        category = self.env.ref("property_butler.property_butler_module_category")
        self.assertEqual(len(self.env["res.groups"].search([("category_id", "=", category.id)])), 7)

    def test_internal_affairs_supervisor_is_a_role_of_its_own(self):
        """內務主管 (S1 4.3): neither the customer-affairs supervisor's role nor implied by it;
        the manager holds it (sees everything) without it being the manager's own role."""
        internal = self._user("pb_internal", "internal_affairs")
        for role, held in {
            "internal_affairs": True,
            "front_desk": True,
            "department_staff": True,
            "butler": False,
            "supervisor": False,
            "patrol_guard": False,
        }.items():
            self.assertEqual(internal.has_group(GROUP + role), held, role)
        self.assertFalse(self.supervisor.has_group(GROUP + "internal_affairs"))
        self.assertTrue(self.manager.has_group(GROUP + "internal_affairs"))
        own = {user: user._property_own_roles() for user in (internal, self.manager, self.butler)}
        self.assertEqual(own[internal], self.env.ref(GROUP + "internal_affairs"))
        self.assertEqual(own[self.manager], self.env.ref(GROUP + "manager"))
        self.assertEqual(own[self.butler], self.env.ref(GROUP + "butler"))
        group = self.env.ref(GROUP + "internal_affairs").with_context(lang="zh_CN")
        self.assertEqual(group.name, "内务主管")

    def test_reading_roles_cannot_write(self):
        for user in (self.front_desk, self.guard, self.staff):
            self.assertEqual(self.unit.with_user(user).code, "3-2-1502")
            self.assertTrue(self.building.with_user(user).floor_plan_html)
            with self.assertRaises(AccessError):
                self.unit.with_user(user).write({"key_customer": True})
            if user == self.front_desk:
                continue  # the front desk records move-ins (issue 9): see the test below
            with self.assertRaises(AccessError):
                self._occupy(self.unit, self.owner).with_user(user).write({"note": "x"})

    def test_front_desk_records_move_ins(self):
        occupancy = self._occupy(self.unit, self.owner).with_user(self.front_desk)
        occupancy.write({"note": "Keys handed over"})
        self.assertEqual(occupancy.note, "Keys handed over")
        with self.assertRaises(AccessError):
            occupancy.unlink()

    def test_butler_updates_units_and_registers_move_ins(self):
        unit = self.unit.with_user(self.butler)
        unit.write({"key_customer": True, "mailing_address": "广州市天河路 1 号"})
        occupancy = (
            self.env["property.occupancy"]
            .with_user(self.butler)
            .create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "date_start": date(2024, 1, 1),
                }
            )
        )
        self.assertEqual(unit.state, "occupied")
        with self.assertRaises(AccessError):
            occupancy.unlink()
        with self.assertRaises(AccessError):
            self.env["property.unit"].with_user(self.butler).create(
                {"building_id": self.building.id, "floor": 2, "number": "201", "area": 80}
            )
        with self.assertRefused(AccessError, "Only a property manager"):
            unit.action_archive()
        with self.assertRaises(AccessError):
            self._grid(self.butler).with_user(self.butler).write({"name": "Mine"})

    def test_supervisor_manages_grids_manager_configures_estate(self):
        grid = (
            self.env["property.grid"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "East",
                    "project_id": self.project.id,
                    "butler_id": self.butler.id,
                    "building_ids": self._set(self.building),
                }
            )
        )
        self.assertEqual(self.unit.grid_id, grid)
        with self.assertRaises(AccessError):
            self.env["property.project"].with_user(self.supervisor).create(
                {"name": "New", "code": "NEW"}
            )
        project = (
            self.env["property.project"]
            .with_user(self.manager)
            .create({"name": "New", "code": "NEW"})
        )
        self.assertEqual(project.company_id, self.company)
        self.unit.with_user(self.manager).action_archive()
        self.assertFalse(self.unit.grid_id, "an archived unit leaves its grid")


@tagged("post_install", "-at_install")
class TestGridConfidentiality(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid = cls._grid(cls.butler, building_ids=cls._set(cls.building))
        cls.grid2 = cls._grid(cls.butler2, building_ids=cls._set(cls.building_b))
        cls.mine = cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1))
        cls.theirs = cls._occupy(cls.unit_b, cls.other_owner, date_start=date(2024, 1, 1))

    def _visible(self, user):
        Unit = self.env["property.unit"].with_user(user)
        Occupancy = self.env["property.occupancy"].with_user(user)
        Partner = self.env["res.partner"].with_user(user)
        return (
            Unit.search([("project_id", "=", self.project.id)]),
            Occupancy.search([("project_id", "=", self.project.id)]),
            Partner.search([("id", "in", (self.owner | self.other_owner).ids)]),
        )

    def test_setting_off_butlers_see_the_company(self):
        self.company.property_grid_restricted = False
        units, occupancies, partners = self._visible(self.butler)
        self.assertEqual(units, self.unit | self.unit2 | self.unit_b)
        self.assertEqual(occupancies, self.mine | self.theirs)
        self.assertEqual(partners, self.owner | self.other_owner)

    def test_setting_on_butlers_see_only_their_grid(self):
        self.env["res.config.settings"].create({"property_grid_restricted": True}).execute()
        self.assertTrue(self.company.property_grid_restricted)
        units, occupancies, partners = self._visible(self.butler)
        self.assertEqual(units, self.unit | self.unit2)
        self.assertEqual(occupancies, self.mine)
        self.assertEqual(partners, self.owner)
        # The other grid's resident, phone and e-mail are out of reach.
        with self.assertRaises(AccessError):
            self.other_owner.with_user(self.butler).read(["phone", "email"])
        with self.assertRaises(AccessError):
            self.unit_b.with_user(self.butler).read(["code"])
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.butler).read(["phone"])
        # Their own contact and colleagues stay readable.
        self.assertTrue(self.butler.partner_id.with_user(self.butler).name)
        self.assertTrue(self.butler2.partner_id.with_user(self.butler).name)
        # The backup butler covers the grid too.
        self.grid2.backup_butler_id = self.butler
        units, occupancies, partners = self._visible(self.butler)
        self.assertEqual(units, self.unit | self.unit2 | self.unit_b)
        self.assertEqual(partners, self.owner | self.other_owner)

    def test_setting_on_supervisors_and_front_desk_see_everything(self):
        self.company.property_grid_restricted = True
        for user in (self.supervisor, self.manager, self.front_desk):
            units, occupancies, partners = self._visible(user)
            self.assertEqual(units, self.unit | self.unit2 | self.unit_b, user.login)
            self.assertEqual(occupancies, self.mine | self.theirs, user.login)
            self.assertEqual(partners, self.owner | self.other_owner, user.login)


@tagged("post_install", "-at_install")
class TestEstateClients(PropertyButlerCase):
    """Someone who rents a parking space from outside, or owns a flat not handed over yet, has
    no occupancy: as the estate's client they are read like its residents, not by everyone."""

    def test_clients_read_like_residents(self):
        client = self.env["res.partner"].create({"name": "赵先生", "phone": "13900001234"})
        supplier = self.env["res.partner"].create({"name": "Lift Co.", "is_company": True})
        # What the estate's records do (property.client.mixin), as the system.
        client.sudo().write({"property_client_company_ids": [(4, self.company.id)]})
        self.company.property_grid_restricted = True
        Partner = self.env["res.partner"]
        for user, sees in (
            (self.manager, True),
            (self.supervisor, True),
            (self.butler, True),
            (self.front_desk, True),
            (self.guard, False),
            (self.staff, False),
        ):
            with self.subTest(user=user.login):
                found = Partner.with_user(user).search([("id", "in", (client | supplier).ids)])
                self.assertEqual(found, (client if sees else Partner) | supplier)
                if not sees:
                    with self.assertRaises(AccessError):
                        client.with_user(user).read(["phone"])
        # Another company's staff do not read the estate's clients.
        other_company, *_estate = self._moon_bay()
        other = self._user("pb_moon_supervisor", "supervisor", company=other_company)
        with self.assertRaises(AccessError):
            client.with_user(other).read(["phone"])
        # Nobody makes a contact public by taking the company off by hand.
        for user in (self.manager, self.butler):
            with self.assertRaises(AccessError):
                client.with_user(user).write({"property_client_company_ids": [(5,)]})
        # Once they live in the estate, they are read as its residents.
        self._occupy(self.unit, client)
        self.assertFalse(
            Partner.with_user(self.guard).search([("id", "=", client.id)]), "a resident"
        )


@tagged("post_install", "-at_install")
class TestMultiCompany(PropertyButlerCase):
    def test_other_company_estate_is_invisible(self):
        other_company, project, building, unit = self._moon_bay()
        self.assertEqual(unit.company_id, other_company)
        cluster = self.env["property.cluster"].create(
            {"name": "C1", "code": "1", "project_id": project.id}
        )
        occupancy = self._occupy(unit, self.tenant, role="tenant")
        other_butler = self._user("pb_moon_butler", "butler", company=other_company)
        grid = self.env["property.grid"].create(
            {
                "name": "Moon",
                "project_id": project.id,
                "butler_id": other_butler.id,
                "company_id": other_company.id,
                "building_ids": [(6, 0, building.ids)],
            }
        )
        assignment = unit.assignment_ids
        self.assertEqual(assignment.company_id, other_company)
        for record in (project, cluster, building, unit, occupancy, grid, assignment):
            with self.assertRaises(AccessError):
                record.with_user(self.manager).read(["display_name"])
        self.assertFalse(
            self.env["property.unit"].with_user(self.manager).search([("id", "=", unit.id)])
        )
        self.manager.company_ids |= other_company
        visible = (
            self.env["property.unit"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id, other_company.id])
            .search([("id", "=", unit.id)])
        )
        self.assertEqual(visible, unit)

    def test_grid_cannot_use_another_company_butler_or_project(self):
        other_company = self.env["res.company"].create({"name": "Moon Bay Property Co."})
        with self.assertRefused(UserError, "Incompatible companies"):
            self.env["property.grid"].create(
                {
                    "name": "X",
                    "project_id": self.project.id,
                    "butler_id": self.butler.id,
                    "company_id": other_company.id,
                }
            )


@tagged("post_install", "-at_install")
class TestPortalRules(PropertyButlerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_user = cls._portal_user("pb_resident", cls.owner)
        cls.mine = cls._occupy(cls.unit, cls.owner, date_start=date(2024, 1, 1))
        cls.family = cls._occupy(cls.unit, cls.member, role="member", date_start=date(2024, 1, 1))
        cls.theirs = cls._occupy(cls.unit_b, cls.other_owner, date_start=date(2024, 1, 1))
        cls.past = cls._occupy(
            cls.unit2,
            cls.owner,
            role="tenant",
            date_start=date(2020, 1, 1),
            date_end=date(2021, 1, 1),
        )

    def test_resident_reads_only_units_they_occupy(self):
        Unit = self.env["property.unit"].with_user(self.resident_user)
        self.assertEqual(Unit.search([]), self.unit, "not the unit they left, not others'")
        self.assertEqual(self.unit.with_user(self.resident_user).code, "3-2-1502")
        for unit in (self.unit2, self.unit_b):
            with self.assertRaises(AccessError):
                unit.with_user(self.resident_user).read(["code"])
        with self.assertRaises(AccessError):
            self.unit.with_user(self.resident_user).write({"key_customer": True})

    def test_resident_reads_own_occupancies_and_own_contact(self):
        Occupancy = self.env["property.occupancy"].with_user(self.resident_user)
        self.assertEqual(Occupancy.search([]), self.mine | self.past)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.resident_user).read(["partner_id"])
        self.assertEqual(self.owner.with_user(self.resident_user).phone, "13800000001")
        with self.assertRaises(AccessError):
            self.other_owner.with_user(self.resident_user).read(["phone"])
        Project = self.env["property.project"].with_user(self.resident_user)
        self.assertEqual(Project.search([]), self.project)
        self.assertEqual(
            self.env["property.building"].with_user(self.resident_user).search([]), self.building
        )
        self.assertEqual(
            self.env["property.cluster"].with_user(self.resident_user).search([]), self.cluster
        )
        other = self.env["property.project"].create({"name": "Moon Bay", "code": "MB"})
        with self.assertRaises(AccessError):
            other.with_user(self.resident_user).read(["name"])

    def test_resident_cannot_see_grids_or_butler_history(self):
        self._grid(self.butler, building_ids=self._set(self.building))
        for model in ("property.grid", "property.grid.assignment"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.resident_user).search([])
