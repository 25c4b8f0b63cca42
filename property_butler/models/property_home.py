from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .property_project import DEFAULT_TZ

GROUP = "property_butler.property_butler_group_"
# The home of a user with several roles is that of the highest (a supervisor is also a
# butler and a guard): first match wins.
ROLES = ("manager", "supervisor", "butler", "front_desk", "department_staff", "patrol_guard")
# Who sees the work of the grids: the butler his own, supervisors and managers their projects'.
GRID_ROLES = ("butler", "supervisor", "manager")
# Who sees the front desk's work, and the departments'.
FRONT_DESK_ROLES = ("front_desk", "supervisor", "manager")
DEPARTMENT_ROLES = ("department_staff", "supervisor", "manager")


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
    def _roles(self):
        return ROLES

    @api.model
    def _role(self, user=None):
        user = user or self.env.user
        for role in ROLES:
            if user.has_group(GROUP + role):
                return role
        return False

    @api.model
    def _today_bounds(self):
        """Today in the user's time zone (fallback DEFAULT_TZ), and the end of that day as
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
    # Today's work: each addon adds its cards (see _card_specs in the addons)
    # ------------------------------------------------------------------
    @api.model
    def _work_scope(self):
        """What the addons' cards filter on: the user, today's bounds and the domains of a
        butler's grids (on records with a grid, and on records with a unit)."""
        uid = self.env.uid
        today, day_start, day_end = self._today_bounds()
        return {
            "uid": uid,
            "today": today,
            "day_start": day_start,
            "day_end": day_end,
            "grid": ["|", ("grid_id.butler_id", "=", uid), ("grid_id.backup_butler_id", "=", uid)],
            "unit_grid": [
                "|",
                ("unit_id.grid_id.butler_id", "=", uid),
                ("unit_id.grid_id.backup_butler_id", "=", uid),
            ],
        }

    @api.model
    def _card_specs(self, scope):
        """The cards of today's work: each addon of the suite adds its own, as dicts with

        - ``sequence``, ``key``, ``title``, ``help``, ``icon``, ``model`` and ``views``
          (default list and form): the card and the list it opens;
        - ``roles``: the roles whose home shows it;
        - ``domain``: the records behind the figure;
        - ``mine`` (optional): on a butler's home, what keeps the figure to his own work
          (``scope["grid"]``, ``scope["unit_grid"]`` or a domain on the user); supervisors
          and managers see their projects' figures, as their record rules allow.
        """
        return []

    @api.model
    def _work_cards(self, role, scope):
        """Today's work of ``role``: a (sequence, card) pair for each card that the role sees."""
        cards = []
        for spec in self._card_specs(scope):
            if role not in spec["roles"]:
                continue
            domain = (spec.get("mine", []) if role == "butler" else []) + spec["domain"]
            card = self._card(
                spec["key"],
                spec["title"],
                spec["model"],
                domain,
                spec["help"],
                views=spec.get("views", ("list", "form")),
                icon=spec.get("icon", ""),
            )
            cards.append((spec["sequence"], card))
        return cards

    # ------------------------------------------------------------------
    # Targets: each addon adds its figures (see _target_figures in the addons)
    # ------------------------------------------------------------------
    @api.model
    def _target_figures(self, row, projects, grids, data):
        """Fill the figures of the project and grid rows (``row(rows, record)`` returns the
        row of a record, created on first use) and the targets in ``data``; return ``data``."""
        return data

    @api.model
    def _target_rows_done(self, project_rows, grid_rows):
        """Last touch on the rows once they are all there (e.g. the links behind a figure);
        return the project rows."""
        return project_rows

    @api.model
    def _targets(self):
        """The targets per project and per grid: collection rate, satisfaction, overdue
        tickets and patrol completion, as far as the installed addons provide them, each a
        fixed number of grouped queries. ``columns`` names the figures the installed addons
        give (collection, satisfaction, overdue, patrol): the table shows only those."""
        projects, grids = {}, {}
        data = {
            "columns": [],
            "collection_target": None,
            "satisfaction_target": None,
            "satisfaction_item_target": None,
            "patrol_target": None,
            "collection_action": False,
        }

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
                    "overdue_action": False,
                }
            return rows[record.id]

        self._target_figures(row, projects, grids, data)

        def below(value, target):
            return value is not None and target is not None and value < target - 1e-9

        def status(values):
            values["collection_ok"] = not below(
                values["collection_rate"], data["collection_target"]
            )
            values["satisfaction_ok"] = not (
                below(values["satisfaction"], data["satisfaction_target"])
                or below(values["lowest_item"], data["satisfaction_item_target"])
            )
            values["patrol_ok"] = not below(values["patrol_rate"], data["patrol_target"])
            return values

        # Each grid under its project (a project row even without figures of its own).
        Grid = self.env["property.grid"]
        for grid in Grid.browse(list(grids)):
            grids[grid.id]["project_id"] = grid.project_id.id
            if grid.project_id:
                row(projects, grid.project_id)
        project_rows = sorted(projects.values(), key=lambda r: r["name"])
        grid_rows = sorted(grids.values(), key=lambda r: r["name"])
        for values in project_rows:
            status(values)
            values["grids"] = [grid for grid in grid_rows if grid["project_id"] == values["id"]]
        for values in grid_rows:
            status(values)
        self._target_rows_done(project_rows, grid_rows)
        return dict(data, projects=project_rows, grids=grid_rows)

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
            "cards": [
                card
                for _sequence, card in sorted(
                    self._work_cards(role, self._work_scope()) if role else [],
                    key=lambda pair: pair[0],
                )
            ],
            "targets": self._targets() if role in ("supervisor", "manager") else False,
        }
        return data
