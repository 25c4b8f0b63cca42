from odoo import api, models

from odoo.addons.property_butler.models.property_home import GRID_ROLES


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        return super()._card_specs(scope) + [
            {
                "sequence": 50,
                "key": "dunning_calls",
                "roles": GRID_ROLES,
                "title": self.env._("Dunning calls"),
                "help": self.env._(
                    "Open dunning cases with the call of their current stage to make"
                ),
                "icon": "fa-money",
                "model": "property.dunning.case",
                "views": ("list", "kanban", "form"),
                "mine": [("butler_id", "=", scope["uid"])],
                "domain": [("state", "=", "open"), ("activity_ids.date_deadline", "!=", False)],
            }
        ]

    @api.model
    def _target_figures(self, row, projects, grids, data):
        """Collection rate, year to date, vs the company's target: two grouped queries."""
        data = super()._target_figures(row, projects, grids, data)
        Collection = self.env["property.collection.report"]
        today = self._today_bounds()[0]
        month = today.replace(day=1)
        year = today.replace(month=1, day=1)
        data["columns"] += ["collection"]
        data["collection_target"] = Collection._target() * 100
        data["collection_action"] = self._action(
            "property.collection.report",
            self.env._("Collection Rate"),
            [("period", ">=", year), ("period", "<=", month)],
            ("pivot", "graph", "list"),
        )
        if Collection.has_access("read"):
            period = [("period", ">=", year), ("period", "<=", month)]
            for key, rows in (("project_id", projects), ("grid_id", grids)):
                for record, rate in Collection._rates(period, key).items():
                    if record:
                        row(rows, record)["collection_rate"] = 100 * rate["rate"]
        return data
