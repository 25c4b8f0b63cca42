from unittest.mock import patch

from odoo.tests import tagged

from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestHomeCards(PropertyButlerCase):
    """The cards of a home come from the addons' card specs: a role sees the cards that name
    it, and a butler's figure is kept to his own work by the card's ``mine`` domain."""

    def _specs(self, scope):
        return [
            {
                "sequence": 2,
                "key": "units",
                "roles": ("butler", "supervisor"),
                "title": "Units",
                "help": "The units",
                "model": "property.unit",
                "mine": scope["grid"],
                "domain": [("project_id", "=", self.project.id)],
            },
            {
                "sequence": 1,
                "key": "grids",
                "roles": ("supervisor",),
                "title": "Grids",
                "help": "The grids",
                "icon": "fa-th",
                "model": "property.grid",
                "views": ("list",),
                "domain": [("project_id", "=", self.project.id)],
            },
        ]

    def _cards(self, user):
        # In place of the installed addons' cards (the registry's class ends their chain).
        Home = type(self.env["property.home"])
        with patch.object(Home, "_card_specs", lambda home, scope: self._specs(scope)):
            return self.env["property.home"].with_user(user).get_home_data()["cards"]

    def test_roles_and_mine(self):
        self._grid(self.butler, extra_unit_ids=[(6, 0, self.unit_b.ids)])
        units = self.env["property.unit"].search([("project_id", "=", self.project.id)])
        self.assertGreater(len(units), 1)

        cards = self._cards(self.supervisor)
        self.assertEqual([card["key"] for card in cards], ["grids", "units"], "by sequence")
        grids, unit_card = cards
        self.assertEqual(unit_card["count"], len(units), "a supervisor sees the project's")
        self.assertEqual(grids["action"]["views"], [[False, "list"]])
        self.assertEqual(grids["icon"], "fa-th")
        self.assertEqual(unit_card["action"]["views"], [[False, "list"], [False, "form"]])

        (unit_card,) = self._cards(self.butler)
        self.assertEqual(unit_card["count"], 1, "a butler sees his grid's only")
        self.assertEqual(
            self.env["property.unit"].search(unit_card["action"]["domain"]), self.unit_b
        )
        self.assertFalse(self._cards(self.front_desk), "no card names the front desk")
