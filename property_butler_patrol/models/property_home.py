from datetime import timedelta

from odoo import api, models

from odoo.addons.property_butler.models.property_home import GRID_ROLES

# Patrol rounds of the month done in full (no target in the seeds: every round is owed).
PATROL_TARGET = 100.0


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        today = scope["today"]
        return super()._card_specs(scope) + [
            {
                "sequence": 30,
                "key": "inspections_due",
                "roles": GRID_ROLES,
                "title": self.env._("Inspections owed"),
                "help": self.env._("Inspections planned or due by today, not done yet"),
                "icon": "fa-check-square-o",
                "model": "property.inspection",
                "mine": [("user_id", "=", scope["uid"])],
                "domain": [
                    ("kind", "!=", "vacant_unit"),
                    ("state", "=", "todo"),
                    "|",
                    ("date_planned", "<=", today),
                    ("date_deadline", "<=", today),
                ],
            },
            {
                "sequence": 40,
                "key": "vacant_units",
                "roles": GRID_ROLES,
                "title": self.env._("Vacant units to inspect"),
                "help": self.env._("This month's inspections of vacant flats, not done yet"),
                "icon": "fa-home",
                "model": "property.inspection",
                "mine": scope["unit_grid"],
                "domain": [("kind", "=", "vacant_unit"), ("state", "=", "todo")],
            },
            {
                "sequence": 310,
                "key": "rounds_today",
                "roles": ("patrol_guard",),
                "title": self.env._("Rounds today"),
                "help": self.env._("Patrol rounds of today still to walk"),
                "icon": "fa-shield",
                "model": "property.patrol.round",
                "domain": [
                    ("guard_id", "in", (scope["uid"], False)),
                    ("date_start", ">=", scope["day_start"]),
                    ("date_start", "<", scope["day_end"]),
                    ("state", "in", ("planned", "in_progress")),
                ],
            },
        ]

    @api.model
    def _target_figures(self, row, projects, grids, data):
        """This month's patrol completion per project: one grouped query."""
        data = super()._target_figures(row, projects, grids, data)
        data["columns"] += ["patrol"]
        data["patrol_target"] = PATROL_TARGET
        Round = self.env["property.patrol.round"]
        if not Round.has_access("read"):
            return data
        today, month_start, _end = self._today_bounds()
        month_start = month_start - timedelta(days=today.day - 1)
        rounds = [
            ("date_start", ">=", month_start),
            ("state", "in", ("done", "incomplete", "missed")),
        ]
        totals = {}
        for project, state, count in Round._read_group(
            rounds, ["project_id", "state"], ["__count"]
        ):
            done, total = totals.get(project, (0, 0))
            totals[project] = (done + (count if state == "done" else 0), total + count)
        for project, (done, total) in totals.items():
            if project and total:
                row(projects, project)["patrol_rate"] = 100.0 * done / total
        return data
