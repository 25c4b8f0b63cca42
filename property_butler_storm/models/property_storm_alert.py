from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_storm_checklist_item import STORM_PLANS

ALERT_KINDS = [
    ("typhoon", "Typhoon"),
    ("rainstorm", "Rainstorm"),
    ("snow", "Snow and Freezing"),
    ("other", "Other"),
]

ALERT_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("lifted", "Lifted"),
]


class PropertyStormAlert(models.Model):
    """A typhoon, rainstorm or snow alert, raised by hand for one or more estates.

    Raising it creates the checklist of its plan (``property.storm.checklist.item``) for every
    project: for a typhoon or rainstorm the patrol of S0 3.6 (supplies, fixtures, doors and
    windows, residents' balconies, cars under fixtures, key areas, low-lying equipment) and the
    vacant units' windows and drains (S0 3.4.3), for snow the snow plan (S1 training item 25).
    Until it is lifted, key-area patrols of those projects run at double frequency (see
    ``_active_for_projects``) and hazards found by the patrols are urgent findings."""

    _name = "property.storm.alert"
    _description = "Storm Alert"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date_raised desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. Typhoon Mangkhut, signal No. 8")
    kind = fields.Selection(ALERT_KINDS, required=True, default="typhoon", tracking=True)
    plan = fields.Selection(
        STORM_PLANS,
        compute="_compute_plan",
        string="Storm Plan",
        help="The checklist the alert raises: the snow plan for snow, the typhoon and rainstorm "
        "patrol otherwise.",
    )
    state = fields.Selection(
        ALERT_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        required=True,
        check_company=True,
        help="The estates on alert: each gets the storm checklist when the alert is raised.",
    )
    date_raised = fields.Datetime(string="Raised On", readonly=True, tracking=True)
    date_lifted = fields.Datetime(string="Lifted On", readonly=True, tracking=True)
    raised_by_id = fields.Many2one("res.users", readonly=True)
    lifted_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Text(string="Instructions")
    task_ids = fields.One2many("property.storm.task", "alert_id", string="Checklist")
    finding_ids = fields.One2many("property.ticket", "storm_alert_id", string="Hazards Found")
    finding_count = fields.Integer(compute="_compute_finding_count", string="Hazards")
    task_count = fields.Integer(compute="_compute_task_counts", string="Tasks")
    task_done_count = fields.Integer(compute="_compute_task_counts", string="Tasks Done")
    progress = fields.Float(compute="_compute_task_counts", string="Progress (%)")

    @api.depends("task_ids.state")
    def _compute_task_counts(self):
        for alert in self:
            alert.task_count = len(alert.task_ids)
            alert.task_done_count = len(alert.task_ids.filtered(lambda t: t.state == "done"))
            alert.progress = (
                100.0 * alert.task_done_count / alert.task_count if alert.task_count else 0.0
            )

    @api.depends("kind")
    def _compute_plan(self):
        for alert in self:
            alert.plan = "snow" if alert.kind == "snow" else "storm"

    @api.depends("finding_ids")
    def _compute_finding_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("storm_alert_id", "in", self.ids)], ["storm_alert_id"], ["__count"]
            )
        )
        for alert in self:
            alert.finding_count = counts.get(alert, 0)

    def write(self, vals):
        res = super().write(vals)
        if "project_ids" in vals:
            # A project added to an active alert gets its checklist at once.
            self.filtered(lambda a: a.state == "active")._create_tasks()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._("An alert that was raised stays on record: lift it instead.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_raise(self):
        """Raise the alert and create the storm checklist of its projects.

        Raising again (an active alert) only adds what is missing: nothing is duplicated."""
        lifted = self.filtered(lambda a: a.state == "lifted")
        if lifted:
            raise UserError(
                self.env._(
                    "Alert %s was lifted: raise a new alert for a new storm.",
                    ", ".join(lifted.mapped("name")),
                )
            )
        empty = self.filtered(lambda a: not a.project_ids)
        if empty:
            raise UserError(
                self.env._(
                    "Choose the projects of alert %s before raising it.",
                    ", ".join(empty.mapped("name")),
                )
            )
        drafts = self.filtered(lambda a: a.state == "draft")
        drafts.write(
            {
                "state": "active",
                "date_raised": fields.Datetime.now(),
                "raised_by_id": self.env.user.id,
            }
        )
        self._create_tasks()
        # The key-area rounds at double frequency are created now, not at the next run.
        self.env.ref("property_butler_patrol.property_patrol_plan_cron_generate")._trigger()
        return True

    def _drop_storm_rounds(self):
        """After a storm: the extra key-area rounds planned ahead (not started) go away."""
        plans = self.env["property.patrol.plan"].search(
            [("route_id.project_id", "in", self.project_ids.ids)]
        )
        # sudo: guards and supervisors do not delete rounds; these were only planned.
        rounds = (
            self.env["property.patrol.round"]
            .sudo()
            .search(
                [
                    ("plan_id", "in", plans.ids),
                    ("state", "=", "planned"),
                    ("date_start", ">", fields.Datetime.now()),
                    ("checkin_ids", "=", False),
                ]
            )
        )
        if not rounds:
            return rounds
        today = fields.Date.today()
        days = [today + timedelta(days=offset) for offset in range(-1, 5)]
        normal = {
            (plan.id, slot) for plan in rounds.plan_id for day in days for slot in plan._slots(day)
        }
        extra = rounds.filtered(lambda r: (r.plan_id.id, r.date_start) not in normal)
        extra.unlink()
        return extra

    def action_lift(self):
        """End the alert: patrols return to their normal frequency."""
        not_active = self.filtered(lambda a: a.state != "active")
        if not_active:
            raise UserError(
                self.env._(
                    "Only an active alert can be lifted (%s).",
                    ", ".join(not_active.mapped("name")),
                )
            )
        self.write(
            {
                "state": "lifted",
                "date_lifted": fields.Datetime.now(),
                "lifted_by_id": self.env.user.id,
            }
        )
        self._drop_storm_rounds()
        return True

    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_storm.property_storm_task_action"
        )
        action["domain"] = [("alert_id", "=", self.id)]
        action["context"] = {"default_alert_id": self.id, "search_default_group_by_project": 1}
        return action

    def action_view_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_ticket.property_ticket_action"
        )
        action["domain"] = [("storm_alert_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # Checklist
    # ------------------------------------------------------------------
    def _checklist_items(self):
        """The active checklist items of these alerts' plans."""
        return (
            self.env["property.storm.checklist.item"]
            .sudo()
            .search([("plan", "in", list(set(self.mapped("plan"))))])
            .with_env(self.env)
        )

    def _project_guards(self, projects):
        """({project id: guards}, {unit id: guards}) from the patrol plans of ``projects`` (one
        query): the guards of every plan of the project, and those whose routes pass a unit's
        checkpoint (S0 3.4.1: every shift patrols each vacant unit)."""
        plans = (
            self.env["property.patrol.plan"]
            .sudo()
            .search_fetch(
                [("route_id.project_id", "in", projects.ids), ("guard_ids", "!=", False)],
                ["route_id", "guard_ids"],
            )
        )
        Users = self.env["res.users"]
        guards, unit_guards = {}, {}
        for plan in plans:
            project_id = plan.route_id.project_id.id
            guards[project_id] = guards.get(project_id, Users) | plan.guard_ids
            for unit in plan.route_id.line_ids.checkpoint_id.unit_id:
                unit_guards[unit.id] = unit_guards.get(unit.id, Users) | plan.guard_ids
        return (
            {key: users.sorted("id").with_env(self.env) for key, users in guards.items()},
            {key: users.sorted("id").with_env(self.env) for key, users in unit_guards.items()},
        )

    def _security_teams(self, projects):
        """{company id: leader and members of its security department}: the guards of an estate
        whose patrol plans name none (one query)."""
        departments = (
            self.env["property.department"]
            .sudo()
            .search_fetch(
                [("kind", "=", "security"), ("company_id", "in", projects.company_id.ids)],
                ["company_id", "leader_id", "member_ids"],
            )
        )
        teams = {}
        for department in departments:
            team = (department.leader_id | department.member_ids).filtered("active")
            company_id = department.company_id.id
            teams[company_id] = teams.get(company_id, self.env["res.users"]) | team
        return {key: users.sorted("id").with_env(self.env) for key, users in teams.items()}

    def _project_butlers(self, projects):
        """{project id: butlers of its active grids} (one query)."""
        groups = (
            self.env["property.grid"]
            .sudo()
            ._read_group(
                [("project_id", "in", projects.ids)], ["project_id"], ["butler_id:recordset"]
            )
        )
        return {project.id: butlers.sorted("id").with_env(self.env) for project, butlers in groups}

    def _create_tasks(self):
        """Create the missing checklist tasks of these alerts, in one create.

        Guards' tasks are shared in turn among the guards of the project's patrol plans (without
        any, the company's security department); a vacant unit's task goes to the guards whose
        routes pass the unit, else in turn to the project's guards (S0 3.4.3: the patrol guards
        close vacant units before the storm); butlers' tasks in turn to the butlers of the
        project's grids."""
        alerts = self.filtered(lambda a: a.state == "active")
        if not alerts:
            return self.env["property.storm.task"]
        Task = self.env["property.storm.task"]
        projects = alerts.project_ids
        existing = {
            (task.alert_id.id, task.project_id.id, task.item_id.id, task.unit_id.id)
            for task in Task.search_fetch(
                [("alert_id", "in", alerts.ids)], ["alert_id", "project_id", "item_id", "unit_id"]
            )
        }
        # Every vacant unit of the estate, whatever grid restriction applies to the user.
        vacant_units = (
            self.env["property.unit"]
            .sudo()
            .search_fetch(
                [("project_id", "in", projects.ids), ("state", "=", "vacant")],
                ["project_id", "code"],
                order="code",
            )
        )
        units_by_project = {}
        for unit in vacant_units:
            units_by_project.setdefault(unit.project_id.id, []).append(unit)
        guards_by_project, guards_by_unit = self._project_guards(projects)
        security_teams = self._security_teams(projects)
        butlers_by_project = self._project_butlers(projects)
        items = alerts._checklist_items()
        vals_list = []
        for alert in alerts:
            plan_items = items.filtered(lambda i, a=alert: i.plan == a.plan)
            for project in alert.project_ids:
                people = {
                    "guard": guards_by_project.get(project.id)
                    or security_teams.get(project.company_id.id, self.env["res.users"]),
                    "butler": butlers_by_project.get(project.id, self.env["res.users"]),
                }
                turn = dict.fromkeys(people, 0)
                for item in plan_items:
                    units = (
                        units_by_project.get(project.id, [])
                        if item.scope == "vacant_unit"
                        else [self.env["property.unit"]]
                    )
                    for unit in units:
                        if (alert.id, project.id, item.id, unit.id) in existing:
                            continue
                        users = people[item.role]
                        if item.role == "guard" and unit.id in guards_by_unit:
                            users = guards_by_unit[unit.id]
                        user = users[turn[item.role] % len(users)] if users else users
                        turn[item.role] += 1
                        vals_list.append(
                            {
                                "alert_id": alert.id,
                                "project_id": project.id,
                                "item_id": item.id,
                                "unit_id": unit.id,
                                "name": f"{unit.code}: {item.name}" if unit else item.name,
                                "role": item.role,
                                "user_id": user.id,
                                "sequence": item.sequence,
                            }
                        )
        tasks = Task.create(vals_list)
        tasks._translate_names()
        return tasks

    # ------------------------------------------------------------------
    # Patrols
    # ------------------------------------------------------------------
    @api.model
    def _active_by_project(self, projects):
        """{project id: its active alert (the latest raised)} for ``projects``. One query,
        whatever the user's access to alerts."""
        if not projects:
            return {}
        alerts = self.sudo().search_fetch(
            [("state", "=", "active"), ("project_ids", "in", projects.ids)],
            ["project_ids"],
            order="date_raised, id",
        )
        return {
            project.id: alert.with_env(self.env)
            for alert in alerts
            for project in alert.project_ids
            if project in projects
        }

    @api.model
    def _active_for_projects(self, projects):
        """The projects among ``projects`` that have an active alert (patrols of their key
        areas run at double frequency)."""
        active = self._active_by_project(projects)
        return projects.filtered(lambda project: project.id in active)
