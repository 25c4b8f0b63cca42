import shutil

from odoo.tests import tagged

from odoo.addons.property_butler.tests.common import PropertyButlerCase, PropertyHttpCase

VERIFY = "property_butler_profile.mail_activity_data_profile_verify"


@tagged("post_install", "-at_install")
class TestProfileTour(PropertyHttpCase, PropertyButlerCase):
    """A resident (in Chinese) corrects their household profile from their unit page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        cls._residents()

    def test_resident_corrects_the_household_profile(self):
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            self.fail("Chromium is required to run the browser tours")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.resident.lang = "zh_CN"
        self.start_tour(
            f"/my/units/{self.unit.id}", "property_household_profile", login=self.resident.login
        )
        household = self.env["property.household"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(household.emergency_name, "王小明")
        self.assertEqual(household.emergency_phone, "13912345678")
        self.assertEqual([(pet.kind, pet.name) for pet in household.pet_ids], [("cat", "咪咪")])
        self.assertEqual(
            household.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref(VERIFY)
            ).user_id,
            self.butler,
        )
