from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.property_butler.tests.common import (
    MOVED_IN,
    PropertyButlerCase,
    PropertyHttpCase,
)

VERIFY = "property_butler_profile.mail_activity_data_profile_verify"


@tagged("post_install", "-at_install")
class TestProfile(PropertyHttpCase, PropertyButlerCase):
    """The butler's grid is building 2 (3-2-1502: the owner and a household member), butler2's
    building 5 (3-5-301 of the other owner)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls._occupy(cls.unit, cls.member, role="member", date_start=MOVED_IN)
        cls._residents()
        cls.Household = cls.env["property.household"]
        cls.household = cls.Household.create({"unit_id": cls.unit.id})

    def _csrf(self):
        return http.Request.csrf_token(self)

    def test_completeness_and_verification(self):
        """Six items make a complete profile; a profile never verified, or verified more than
        a year ago, is on the butler's list to verify."""
        household = self.household.with_user(self.butler)
        self.assertEqual(household.completeness, 0)
        with Form(household) as form:
            form.contact_channel = "wechat"
            form.emergency_name = "王小明"
            form.emergency_phone = "139 1234 5678"
            form.no_pet = True
        self.assertEqual(household.completeness, 50)
        household.write(
            {
                "vehicle_ids": [(0, 0, {"plate": "粤a 12345"})],
                "elderly_alone": True,
                "preferences": "喜欢书法",
            }
        )
        self.assertEqual(household.completeness, 100)
        self.assertEqual(household.vehicle_ids.plate, "粤A12345")
        with freeze_time("2026-12-03"):
            self.assertTrue(household.to_verify)
            household.action_verify()
            self.assertEqual(household.date_verified, date(2026, 12, 3))
            self.assertEqual(household.verified_by_id, self.butler)
            self.assertFalse(
                self.Household.search([("to_verify", "=", True), ("id", "=", household.id)])
            )
        with freeze_time("2027-12-04"):
            household.invalidate_recordset(["to_verify"])
            self.assertTrue(household.to_verify, "a year later it is due again")
            self.assertIn(household, self.Household.search([("to_verify", "=", True)]))

    def test_bad_input_is_refused(self):
        with self.assertRaises(ValidationError):
            self.household.emergency_phone = "call my son"
        with self.assertRaises(ValidationError):
            self.household.write({"vehicle_ids": [(0, 0, {"plate": "12345"})]})
        with self.assertRaises(ValidationError):
            self.household.write({"no_pet": True, "pet_ids": [(0, 0, {"kind": "cat"})]})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.Household.create({"unit_id": self.unit.id})

    def test_protected_like_contact_data(self):
        """Butlers of a restricted company their grids' profiles, the front desk its
        companies', supervisors all; guards and department staff none; residents their own
        household's, read-only through the ORM."""
        self.household.write({"emergency_name": "王小明", "elderly_alone": True})
        self.company.property_grid_restricted = True
        self.assertEqual(self.household.with_user(self.butler).emergency_name, "王小明")
        self.assertEqual(self.household.with_user(self.front_desk).emergency_name, "王小明")
        self.assertEqual(self.household.with_user(self.supervisor).emergency_name, "王小明")
        for user in (self.butler2, self.guard, self.staff, self.neighbour):
            with self.assertRaises(AccessError, msg=user.login):
                self.household.with_user(user).read(["emergency_name"])
        self.assertEqual(self.household.with_user(self.resident).emergency_name, "王小明")
        with self.assertRaises(AccessError):
            self.household.with_user(self.resident).write({"date_verified": "2026-01-01"})
        with self.assertRaises(AccessError):
            self.household.with_user(self.front_desk).write({"emergency_name": "x"})

    def test_unit_opens_its_profile(self):
        action = self.unit2.with_user(self.butler).action_open_household()
        household = self.Household.browse(action["res_id"])
        self.assertEqual(household.unit_id, self.unit2)
        self.assertEqual(
            self.unit2.with_user(self.butler).action_open_household()["res_id"], household.id
        )
        # Missing profiles of the household units (not parking, not unsold), once.
        parking = self._parking_space()
        self._billing_contact(parking, self.owner, resides=False)
        self.Household.with_user(self.supervisor).action_create_missing()
        units = self.Household.search([("project_id", "=", self.project.id)]).unit_id
        self.assertIn(self.unit_b, units)
        self.assertNotIn(parking, units)
        count = len(units)
        self.Household.with_user(self.supervisor).action_create_missing()
        self.assertEqual(len(self.Household.search([("project_id", "=", self.project.id)])), count)

    def test_resident_corrects_own_profile_on_the_portal(self):
        self._login(self.resident)
        page = self.url_open(f"/my/units/{self.unit.id}")
        self.assertIn(f"/my/units/{self.unit.id}/profile", page.text)
        page = self.url_open(f"/my/units/{self.unit.id}/profile")
        self.assertEqual(page.status_code, 200)
        data = {
            "csrf_token": self._csrf(),
            "contact_channel": "wechat",
            "emergency_name": "王小明",
            "emergency_phone": "13912345678",
            "emergency_relation": "儿子",
            "infant": "1",
            "plates": "粤A·12345\n粤B·54321",
            # A row per pet: its kind from the list, its name; empty rows are left out.
            "pet_kind": ["cat", "", ""],
            "pet_name": ["咪咪", "Goldfish", ""],
            "preferences": "晚上方便",
            "date_verified": "2020-01-01",
        }
        # A bad plate: a clear message, nothing written.
        response = self.url_open(
            f"/my/units/{self.unit.id}/profile", data={**data, "plates": "12345"}
        )
        self.assertEqual(response.status_code, 422)
        self.assertIn("is not a plate number", response.text)
        self.household.invalidate_recordset()
        self.assertFalse(self.household.emergency_name)
        response = self.url_open(
            f"/my/units/{self.unit.id}/profile", data=data, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.household.invalidate_recordset()
        self.assertEqual(self.household.contact_channel, "wechat")
        self.assertEqual(self.household.emergency_phone, "13912345678")
        self.assertEqual(self.household.vehicle_ids.mapped("plate"), ["粤A·12345", "粤B·54321"])
        self.assertEqual(
            [(pet.kind, pet.name) for pet in self.household.pet_ids],
            [("cat", "咪咪"), ("other", "Goldfish")],
        )
        self.assertTrue(self.household.infant)
        self.assertFalse(self.household.date_verified, "only what a resident may correct")
        activity = self.household.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(VERIFY)
        )
        self.assertEqual(activity.user_id, self.butler)
        page = self.url_open(f"/my/units/{self.unit.id}/profile")
        self.assertIn("粤B·54321", page.text)
        self.assertIn('<option value="cat" selected="True">', page.text)
        self.assertEqual(page.text.count('name="pet_kind"'), 4, "two pets and two empty rows")
        # Another resident's household: refused, nothing shown or written.
        self._login(self.neighbour)
        response = self.url_open(f"/my/units/{self.unit.id}/profile", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        response = self.url_open(
            f"/my/units/{self.unit.id}/profile",
            data={**data, "csrf_token": self._csrf(), "emergency_name": "Hijack"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.household.invalidate_recordset()
        self.assertEqual(self.household.emergency_name, "王小明")
