from odoo import api, models

from odoo.addons.property_butler.models.property_home import (
    DEPARTMENT_ROLES,
    FRONT_DESK_ROLES,
    GRID_ROLES,
)

from .property_ticket_callback import RATE_FIELDS, SCORE_FIELDS


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _card_specs(self, scope):
        uid = scope["uid"]
        ticket_views = ("list", "kanban", "form")
        return super()._card_specs(scope) + [
            {
                "sequence": 10,
                "key": "tickets_due",
                "roles": GRID_ROLES,
                "title": self.env._("Tickets due"),
                "help": self.env._("Open tickets whose response or completion is due by tonight"),
                "icon": "fa-ticket",
                "model": "property.ticket",
                "views": ticket_views,
                "mine": scope["grid"],
                "domain": [
                    ("is_closed", "=", False),
                    "|",
                    "&",
                    ("date_responded", "=", False),
                    ("date_response_deadline", "<", scope["day_end"]),
                    ("date_resolution_deadline", "<", scope["day_end"]),
                ],
            },
            {
                "sequence": 20,
                "key": "callbacks_due",
                "roles": GRID_ROLES,
                "title": self.env._("Callbacks due"),
                "help": self.env._("Residents to call back about their finished tickets"),
                "icon": "fa-phone",
                "model": "property.ticket.callback",
                "mine": [("butler_id", "=", uid)],
                "domain": [("state", "=", "scheduled"), ("date_scheduled", "<=", scope["today"])],
            },
            {
                "sequence": 110,
                "key": "tickets_to_dispatch",
                "roles": FRONT_DESK_ROLES,
                "title": self.env._("Tickets to dispatch"),
                "help": self.env._("New tickets not yet taken in hand by a department"),
                "icon": "fa-share",
                "model": "property.ticket",
                "views": ticket_views,
                "domain": [("is_closed", "=", False), ("stage_category", "=", "new")],
            },
            {
                "sequence": 210,
                "key": "my_tickets",
                "roles": DEPARTMENT_ROLES,
                "title": self.env._("Tickets assigned to me"),
                "help": self.env._("Open tickets you are handling"),
                "icon": "fa-wrench",
                "model": "property.ticket",
                "views": ticket_views,
                "domain": [("is_closed", "=", False), ("user_id", "=", uid)],
            },
        ]

    @api.model
    def _target_figures(self, row, projects, grids, data):
        """Satisfaction (this year's callbacks, vs 90 % and no item below 85 %) and overdue
        tickets, per project and grid: two grouped queries and one read of the units."""
        data = super()._target_figures(row, projects, grids, data)
        data["columns"] += ["satisfaction", "overdue"]
        data["satisfaction_target"] = self.env.company.property_satisfaction_target
        data["satisfaction_item_target"] = self.env.company.property_satisfaction_item_target
        Callback = self.env["property.ticket.callback"]
        Ticket = self.env["property.ticket"]
        today = self._today_bounds()[0]
        year = today.replace(month=1, day=1)
        if Callback.has_access("read"):
            # Per unit, then summed up per project and grid (the unit's, read in one go).
            scores = [f"{RATE_FIELDS[name]}:sum" for name in SCORE_FIELDS]
            sums = {}
            for unit, count, total, *items in Callback._read_group(
                [("state", "=", "done"), ("date_done", ">=", year)],
                ["unit_id"],
                ["__count", "satisfaction:sum", *scores],
            ):
                for key, rows in ((unit.project_id, projects), (unit.grid_id, grids)):
                    if not key:
                        continue
                    acc = sums.setdefault((id(rows), key.id), [row(rows, key), 0, 0.0, [0.0] * 4])
                    acc[1] += count
                    acc[2] += total or 0.0
                    acc[3] = [a + (b or 0.0) for a, b in zip(acc[3], items, strict=True)]
            for target_row, count, total, items in sums.values():
                target_row["satisfaction"] = total / count
                # An item's rate: the share of its answers scored 4 or 5.
                target_row["lowest_item"] = min(item / count for item in items)
        if Ticket.has_access("read"):
            overdue = Ticket._overdue_domain()
            for key, rows in (("project_id", projects), ("grid_id", grids)):
                for record, count in Ticket._read_group(overdue, [key], ["__count"]):
                    if record:
                        row(rows, record)["overdue"] = count
        return data

    @api.model
    def _target_rows_done(self, project_rows, grid_rows):
        project_rows = super()._target_rows_done(project_rows, grid_rows)
        for field, rows in (("project_id", project_rows), ("grid_id", grid_rows)):
            for values in rows:
                values["overdue_action"] = self._action(
                    "property.ticket",
                    self.env._("Overdue tickets of %s", values["name"]),
                    [(field, "=", values["id"]), ("is_overdue", "=", True)],
                    ("list", "kanban", "form"),
                )
        return project_rows
