from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .property_project import DEFAULT_TZ
from .property_ticket_callback import SCORE_FIELDS

GROUP = "property_butler.property_butler_group_"
# The home of a user with several roles is that of the highest (a supervisor is also a
# butler and a guard): first match wins.
ROLES = ("manager", "supervisor", "butler", "front_desk", "department_staff", "patrol_guard")

# Satisfaction targets (seed 001): an average of 90 %, no item below 85 %.
SATISFACTION_TARGET = 90.0
SATISFACTION_ITEM_TARGET = 85.0
# Patrol rounds of the month done in full (no target in the seeds: every round is owed).
PATROL_TARGET = 100.0


class PropertyHome(models.AbstractModel):
    """The home page (工作台) of each role: today's work and the targets, as counts with the
    action that opens the filtered list behind each figure.

    ``get_home_data`` reads everything with ``search_count`` and ``_read_group`` under the
    user's own access rights (record rules scope a butler to his grids, a supervisor to his
    projects): a fixed number of queries whatever the size of the estate."""

    _name = "property.home"
    _description = "Property Home"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def _role(self, user=None):
        user = user or self.env.user
        for role in ROLES:
            if user.has_group(GROUP + role):
                return role
        return False

    @api.model
    def _today_bounds(self):
        """Today in the user's time zone (else DEFAULT_TZ), and the end of that day as
        a naive UTC datetime, to compare with stored datetimes."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ)
        today = fields.Date.context_today(self.with_context(tz=tz.zone))
        end = tz.localize(datetime.combine(today + timedelta(days=1), time.min))
        start = tz.localize(datetime.combine(today, time.min))
        return (
            today,
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _action(self, model, name, domain, views=("list", "form"), context=None):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [[False, view] for view in views],
            "domain": domain,
            "context": context or {},
            "target": "current",
        }

    @api.model
    def _card(self, key, title, model, domain, help_text, views=("list", "form"), icon=""):
        Model = self.env[model]
        count = Model.search_count(domain) if Model.has_access("read") else 0
        return {
            "key": key,
            "title": title,
            "count": count,
            "help": help_text,
            "icon": icon,
            "action": self._action(model, title, domain, views),
        }

    # ------------------------------------------------------------------
    # Today's work
    # ------------------------------------------------------------------
    @api.model
    def _work_cards(self, role):
        """Today's work of a butler (in his grids), or of a supervisor or manager (in the
        projects his record rules show him), or of the front desk."""
        _t = self.env._
        uid = self.env.uid
        today, day_start, day_end = self._today_bounds()
        mine = role == "butler"
        grid = ["|", ("grid_id.butler_id", "=", uid), ("grid_id.backup_butler_id", "=", uid)]
        unit_grid = [
            "|",
            ("unit_id.grid_id.butler_id", "=", uid),
            ("unit_id.grid_id.backup_butler_id", "=", uid),
        ]
        due_tickets = [
            ("is_closed", "=", False),
            "|",
            "&",
            ("date_responded", "=", False),
            ("date_response_deadline", "<", day_end),
            ("date_resolution_deadline", "<", day_end),
        ]
        cards = []
        if role in ("butler", "supervisor", "manager"):
            cards += [
                self._card(
                    "tickets_due",
                    _t("Tickets due"),
                    "property.ticket",
                    (grid if mine else []) + due_tickets,
                    _t("Open tickets whose response or completion is due by tonight"),
                    views=("list", "kanban", "form"),
                    icon="fa-ticket",
                ),
                self._card(
                    "callbacks_due",
                    _t("Callbacks due"),
                    "property.ticket.callback",
                    ([("butler_id", "=", uid)] if mine else [])
                    + [("state", "=", "scheduled"), ("date_scheduled", "<=", today)],
                    _t("Residents to call back about their finished tickets"),
                    icon="fa-phone",
                ),
                self._card(
                    "inspections_due",
                    _t("Inspections owed"),
                    "property.inspection",
                    ([("user_id", "=", uid)] if mine else [])
                    + [
                        ("kind", "!=", "vacant_unit"),
                        ("state", "=", "todo"),
                        "|",
                        ("date_planned", "<=", today),
                        ("date_deadline", "<=", today),
                    ],
                    _t("Inspections planned or due by today, not done yet"),
                    icon="fa-check-square-o",
                ),
                self._card(
                    "vacant_units",
                    _t("Vacant units to inspect"),
                    "property.inspection",
                    (unit_grid if mine else [])
                    + [("kind", "=", "vacant_unit"), ("state", "=", "todo")],
                    _t("This month's inspections of vacant flats, not done yet"),
                    icon="fa-home",
                ),
                self._card(
                    "dunning_calls",
                    _t("Dunning calls"),
                    "property.dunning.case",
                    ([("butler_id", "=", uid)] if mine else [])
                    + [
                        ("state", "=", "open"),
                        ("activity_ids.date_deadline", "!=", False),
                    ],
                    _t("Open dunning cases with the call of their current stage to make"),
                    views=("list", "kanban", "form"),
                    icon="fa-money",
                ),
                self._card(
                    "decoration_permits",
                    _t("Decoration permits"),
                    "property.decoration.permit",
                    (unit_grid if mine else []) + [("state", "in", ("approved", "active"))],
                    _t("Decorations approved or in progress to watch"),
                    icon="fa-paint-brush",
                ),
            ]
        if role in ("front_desk", "supervisor", "manager"):
            cards += [
                self._card(
                    "tickets_to_dispatch",
                    _t("Tickets to dispatch"),
                    "property.ticket",
                    [("is_closed", "=", False), ("stage_category", "=", "new")],
                    _t("New tickets not yet taken in hand by a department"),
                    views=("list", "kanban", "form"),
                    icon="fa-share",
                ),
                self._card(
                    "handovers_today",
                    _t("Today's handovers"),
                    "property.handover.log",
                    [
                        ("kind", "=", "front_desk"),
                        "|",
                        ("date", ">=", day_start),
                        ("state", "!=", "acknowledged"),
                    ],
                    _t("Front-desk shift handovers of today, or not acknowledged yet"),
                    icon="fa-exchange",
                ),
                self._card(
                    "handover_items",
                    _t("Open handover items"),
                    "property.handover.item",
                    [("state", "=", "open"), ("kind", "=", "front_desk")],
                    _t("Matters handed over by the previous shift, still open"),
                    icon="fa-list-ul",
                ),
            ]
        if role in ("department_staff", "supervisor", "manager"):
            cards.append(
                self._card(
                    "my_tickets",
                    _t("Tickets assigned to me"),
                    "property.ticket",
                    [("is_closed", "=", False), ("user_id", "=", uid)],
                    _t("Open tickets you are handling"),
                    views=("list", "kanban", "form"),
                    icon="fa-wrench",
                )
            )
        if role == "patrol_guard":
            cards.append(
                self._card(
                    "rounds_today",
                    _t("Rounds today"),
                    "property.patrol.round",
                    [
                        ("guard_id", "in", (uid, False)),
                        ("date_start", ">=", day_start),
                        ("date_start", "<", day_end),
                        ("state", "in", ("planned", "in_progress")),
                    ],
                    _t("Patrol rounds of today still to walk"),
                    icon="fa-shield",
                )
            )
        return cards

    # ------------------------------------------------------------------
    # Targets
    # ------------------------------------------------------------------
    @api.model
    def _targets(self):
        """Collection rate (year to date, vs the company's target), satisfaction (this year's
        callbacks, vs 90 % and no item below 85 %), overdue tickets and this month's patrol
        completion, per project and per grid: nine grouped queries."""
        _t = self.env._
        today = fields.Date.context_today(self)
        month = today.replace(day=1)
        year = today.replace(month=1, day=1)
        Collection = self.env["property.collection.report"]
        Callback = self.env["property.ticket.callback"]
        Ticket = self.env["property.ticket"]
        Round = self.env["property.patrol.round"]
        collection_target = Collection._target() * 100

        projects, grids = {}, {}

        def row(rows, record):
            if record.id not in rows:
                rows[record.id] = {
                    "id": record.id,
                    "name": record.display_name,
                    "collection_rate": None,
                    "satisfaction": None,
                    "lowest_item": None,
                    "overdue": 0,
                    "patrol_rate": None,
                }
            return rows[record.id]

        if Collection.has_access("read"):
            period = [("period", ">=", year), ("period", "<=", month)]
            for key, rows in (("project_id", projects), ("grid_id", grids)):
                for record, rate in Collection._rates(period, key).items():
                    if record:
                        row(rows, record)["collection_rate"] = 100 * rate["rate"]
        if Callback.has_access("read"):
            # Per unit, then summed up per project and grid (the unit's, read in one go).
            scores = [f"{name}:sum" for name in SCORE_FIELDS]
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
                # Scores are 1-5: an item's rate is its average score over 5.
                target_row["lowest_item"] = min(100.0 * item / (5 * count) for item in items)
        if Ticket.has_access("read"):
            overdue = Ticket._overdue_domain()
            for key, rows in (("project_id", projects), ("grid_id", grids)):
                for record, count in Ticket._read_group(overdue, [key], ["__count"]):
                    if record:
                        row(rows, record)["overdue"] = count
        if Round.has_access("read"):
            _today, month_start, _end = self._today_bounds()
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

        def status(values):
            values["collection_ok"] = (
                values["collection_rate"] is None
                or values["collection_rate"] >= collection_target - 1e-9
            )
            values["satisfaction_ok"] = values["satisfaction"] is None or (
                values["satisfaction"] >= SATISFACTION_TARGET
                and values["lowest_item"] >= SATISFACTION_ITEM_TARGET
            )
            values["patrol_ok"] = (
                values["patrol_rate"] is None or values["patrol_rate"] >= PATROL_TARGET
            )
            return values

        def overdue_action(field, values):
            return self._action(
                "property.ticket",
                _t("Overdue tickets of %s", values["name"]),
                [(field, "=", values["id"]), ("is_overdue", "=", True)],
                ("list", "kanban", "form"),
            )

        # Each grid under its project (a project row even without figures of its own).
        Grid = self.env["property.grid"]
        for grid in Grid.browse(list(grids)):
            grids[grid.id]["project_id"] = grid.project_id.id
            if grid.project_id:
                row(projects, grid.project_id)
        project_rows = sorted(projects.values(), key=lambda r: r["name"])
        grid_rows = sorted(grids.values(), key=lambda r: r["name"])
        for values in project_rows:
            status(values)["overdue_action"] = overdue_action("project_id", values)
            values["grids"] = [grid for grid in grid_rows if grid["project_id"] == values["id"]]
        for values in grid_rows:
            status(values)["overdue_action"] = overdue_action("grid_id", values)
        return {
            "collection_target": collection_target,
            "satisfaction_target": SATISFACTION_TARGET,
            "satisfaction_item_target": SATISFACTION_ITEM_TARGET,
            "patrol_target": PATROL_TARGET,
            "projects": project_rows,
            "grids": grid_rows,
            "collection_action": self._action(
                "property.collection.report",
                _t("Collection Rate"),
                [("period", ">=", year), ("period", "<=", month)],
                ("pivot", "graph", "list"),
            ),
        }

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------
    @api.model
    def get_home_data(self):
        role = self._role()
        today = self._today_bounds()[0]
        data = {
            "role": role,
            "user_name": self.env.user.name,
            "today": fields.Date.to_string(today),
            "cards": self._work_cards(role) if role else [],
            "targets": self._targets() if role in ("supervisor", "manager") else False,
        }
        return data
