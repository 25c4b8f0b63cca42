from odoo import api, models

from .property_ticket_callback import RATE_FIELDS, SCORE_FIELDS

STAFF = ("butler", "supervisor", "manager")


class PropertyHome(models.AbstractModel):
    _inherit = "property.home"

    @api.model
    def _work_cards(self, role, scope):
        cards = super()._work_cards(role, scope)
        uid = scope["uid"]
        mine = role == "butler"
        if role in STAFF:
            due_tickets = [
                ("is_closed", "=", False),
                "|",
                "&",
                ("date_responded", "=", False),
                ("date_response_deadline", "<", scope["day_end"]),
                ("date_resolution_deadline", "<", scope["day_end"]),
            ]
            cards += [
                (
                    10,
                    self._card(
                        "tickets_due",
                        self.env._("Tickets due"),
                        "property.ticket",
                        (scope["grid"] if mine else []) + due_tickets,
                        self.env._("Open tickets whose response or completion is due by tonight"),
                        views=("list", "kanban", "form"),
                        icon="fa-ticket",
                    ),
                ),
                (
                    20,
                    self._card(
                        "callbacks_due",
                        self.env._("Callbacks due"),
                        "property.ticket.callback",
                        ([("butler_id", "=", uid)] if mine else [])
                        + [("state", "=", "scheduled"), ("date_scheduled", "<=", scope["today"])],
                        self.env._("Residents to call back about their finished tickets"),
                        icon="fa-phone",
                    ),
                ),
            ]
        if role in ("front_desk", "supervisor", "manager"):
            cards.append(
                (
                    110,
                    self._card(
                        "tickets_to_dispatch",
                        self.env._("Tickets to dispatch"),
                        "property.ticket",
                        [("is_closed", "=", False), ("stage_category", "=", "new")],
                        self.env._("New tickets not yet taken in hand by a department"),
                        views=("list", "kanban", "form"),
                        icon="fa-share",
                    ),
                )
            )
        if role in ("department_staff", "supervisor", "manager"):
            cards.append(
                (
                    210,
                    self._card(
                        "my_tickets",
                        self.env._("Tickets assigned to me"),
                        "property.ticket",
                        [("is_closed", "=", False), ("user_id", "=", uid)],
                        self.env._("Open tickets you are handling"),
                        views=("list", "kanban", "form"),
                        icon="fa-wrench",
                    ),
                )
            )
        return cards

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
