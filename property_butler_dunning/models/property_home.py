from odoo import api, models


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        if role in ("butler", "supervisor", "manager"):
            cards.append(
                (
                    50,
                    self._card(
                        "dunning_calls",
                        self.env._("Dunning calls"),
                        "property.dunning.case",
                        ([("butler_id", "=", scope["uid"])] if role == "butler" else [])
                        + [
                            ("state", "=", "open"),
                            ("activity_ids.date_deadline", "!=", False),
                        ],
                        self.env._(
                            "Open dunning cases with the call of their current stage to make"
                        ),
                        views=("list", "kanban", "form"),
                        icon="fa-money",
                    ),
                )
            )
        return cards

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
