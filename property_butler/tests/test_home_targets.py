from odoo.tests import tagged

from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestHomeTargets(PropertyButlerCase):
    """The supervisor's targets table shows the figures of the installed addons only: with
    the base alone there is none (and no table), tickets add satisfaction and overdue
    tickets, dunning the collection rate, patrols the patrol completion."""

    def test_columns_follow_the_installed_addons(self):
        expected = set()
        if "property.ticket" in self.env:
            expected |= {"satisfaction", "overdue"}
        if "property.collection.report" in self.env:
            expected.add("collection")
        if "property.patrol.round" in self.env:
            expected.add("patrol")
        data = self.env["property.home"].with_user(self.supervisor).get_home_data()
        self.assertEqual(data["role"], "supervisor")
        self.assertEqual(set(data["targets"]["columns"]), expected)
        self.assertEqual(len(data["targets"]["columns"]), len(expected), "no column twice")
        if "collection" not in expected:
            self.assertIsNone(data["targets"]["collection_target"])
        if "patrol" not in expected:
            self.assertIsNone(data["targets"]["patrol_target"])

    def test_butler_has_no_targets(self):
        data = self.env["property.home"].with_user(self.butler).get_home_data()
        self.assertEqual(data["role"], "butler")
        self.assertFalse(data["targets"])
