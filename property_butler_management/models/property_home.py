from odoo import api, models

from odoo.addons.property_butler.models.property_home import GRID_ROLES


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        return super()._card_specs(scope) + [
            {
                "sequence": 70,
                "key": "plans_due",
                "roles": GRID_ROLES,
                "title": self.env._("Plans to submit"),
                "help": self.env._("Your work plans due by today and not submitted yet"),
                "icon": "fa-list-ol",
                "model": "property.work.plan",
                "domain": [
                    ("user_id", "=", scope["uid"]),
                    ("state", "=", "draft"),
                    ("date_due", "<=", scope["today"]),
                ],
            },
            {
                "sequence": 75,
                "key": "plans_to_approve",
                "roles": ("supervisor", "manager"),
                "title": self.env._("Plans to approve"),
                "help": self.env._("Work plans submitted to you"),
                "icon": "fa-check",
                "model": "property.work.plan",
                "domain": [("state", "=", "submitted"), ("approver_id", "=", scope["uid"])],
            },
        ]
