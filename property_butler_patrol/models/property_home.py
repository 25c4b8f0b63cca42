from datetime import timedelta

from odoo import api, models

# Patrol rounds of the month done in full (no target in the seeds: every round is owed).
PATROL_TARGET = 100.0


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        uid = scope["uid"]
        mine = role == "butler"
        if role in ("butler", "supervisor", "manager"):
            cards += [
                (
                    30,
                    self._card(
                        "inspections_due",
                        self.env._("Inspections owed"),
                        "property.inspection",
                        ([("user_id", "=", uid)] if mine else [])
                        + [
                            ("kind", "!=", "vacant_unit"),
                            ("state", "=", "todo"),
                            "|",
                            ("date_planned", "<=", scope["today"]),
                            ("date_deadline", "<=", scope["today"]),
                        ],
                        self.env._("Inspections planned or due by today, not done yet"),
                        icon="fa-check-square-o",
                    ),
                ),
                (
                    40,
                    self._card(
                        "vacant_units",
                        self.env._("Vacant units to inspect"),
                        "property.inspection",
                        (scope["unit_grid"] if mine else [])
                        + [("kind", "=", "vacant_unit"), ("state", "=", "todo")],
                        self.env._("This month's inspections of vacant flats, not done yet"),
                        icon="fa-home",
                    ),
                ),
            ]
        if role == "patrol_guard":
            cards.append(
                (
                    310,
                    self._card(
                        "rounds_today",
                        self.env._("Rounds today"),
                        "property.patrol.round",
                        [
                            ("guard_id", "in", (uid, False)),
                            ("date_start", ">=", scope["day_start"]),
                            ("date_start", "<", scope["day_end"]),
                            ("state", "in", ("planned", "in_progress")),
                        ],
                        self.env._("Patrol rounds of today still to walk"),
                        icon="fa-shield",
                    ),
                )
            )
        return cards

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
