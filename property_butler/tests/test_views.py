from odoo.tests import tagged

from .common import PropertyButlerCase


@tagged("post_install", "-at_install")
class TestMenus(PropertyButlerCase):
    """Every menu of the application opens for the roles that see it."""

    def _menu_actions(self, user):
        root = self.env.ref("property_butler.property_butler_menu_root")
        menus = self.env["ir.ui.menu"].with_user(user).search([("id", "child_of", root.id)])
        return menus.filtered(lambda m: m.action and m.action._name == "ir.actions.act_window")

    def test_every_menu_opens(self):
        for user in (self.manager, self.butler, self.front_desk, self.guard, self.staff):
            actions = self._menu_actions(user)
            self.assertTrue(actions, user.login)
            for menu in actions:
                action = menu.action.sudo()
                Model = self.env[action.res_model].with_user(user)
                modes = [mode for mode in action.view_mode.split(",")]
                views = Model.get_views([(False, mode) for mode in modes])
                if action.res_model == "res.config.settings":
                    continue
                self.assertIn("views", views)
                if "list" in modes:
                    fields = views["views"]["list"]["arch"]
                    self.assertIn("<list", fields)
                    Model.web_search_read(domain=[], specification={"display_name": {}}, limit=10)

    def test_butler_sees_my_grid_but_not_configuration(self):
        names = self._menu_actions(self.butler).mapped("name")
        self.assertIn("My Units", names)
        self.assertNotIn("Settings", names)
        self.assertIn("Generate Units", self._menu_actions(self.manager).mapped("name"))
        admin = self.env.ref("base.user_admin")
        self.assertIn(
            "Settings", self._menu_actions(admin).mapped("name"), "company settings: admins"
        )
        self.assertNotIn("My Units", self._menu_actions(self.front_desk).mapped("name"))
