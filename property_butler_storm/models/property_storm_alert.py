from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

ALERT_KINDS = [
    ("typhoon", "Typhoon"),
    ("rainstorm", "Rainstorm"),
    ("other", "Other"),
]

ALERT_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("lifted", "Lifted"),
]


class PropertyStormAlert(models.Model):
    """A typhoon or rainstorm alert, raised by hand for one or more estates.

    Raising it creates the storm checklist of every project (supplies, signs and fixtures,
    doors and windows, low-lying equipment, vacant units' windows and drains) and, until it is
    lifted, key-area patrols of those projects run at double frequency (see
    ``_active_for_projects``)."""

    _name = "property.storm.alert"
    _description = "Storm Alert"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "date_raised desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. Typhoon Mangkhut, signal No. 8")
    kind = fields.Selection(ALERT_KINDS, required=True, default="typhoon", tracking=True)
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

    # ------------------------------------------------------------------
    # Checklist
    # ------------------------------------------------------------------
    def _checklist(self):
        """The fixed storm checklist of a project: (code, task name), checked by the guards."""
        return [
            ("pumps", self.env._("Check the supplies: water pumps")),
            ("sandbags", self.env._("Check the supplies: sandbags")),
            ("emergency_lights", self.env._("Check the supplies: emergency lights")),
            ("signs_fixtures", self.env._("Secure signs, billboards and outdoor fixtures")),
            ("doors_windows", self.env._("Close and secure doors and windows of public areas")),
            (
                "low_lying",
                self.env._("Protect low-lying equipment (basements, pump and power rooms)"),
            ),
        ]

    def _project_guards(self, projects):
        """{project id: guards} from the patrol plans of ``projects`` (one query)."""
        plans = (
            self.env["property.patrol.plan"]
            .sudo()
            .search_fetch(
                [("route_id.project_id", "in", projects.ids), ("guard_ids", "!=", False)],
                ["route_id", "guard_ids"],
            )
        )
        guards = {}
        for plan in plans:
            project_id = plan.route_id.project_id.id
            guards[project_id] = guards.get(project_id, self.env["res.users"]) | plan.guard_ids
        return {
            project_id: users.sorted("id").with_env(self.env)
            for project_id, users in guards.items()
        }

    def _create_tasks(self):
        """Create the missing checklist tasks of these alerts, in one create."""
        alerts = self.filtered(lambda a: a.state == "active")
        if not alerts:
            return self.env["property.storm.task"]
        Task = self.env["property.storm.task"]
        projects = alerts.project_ids
        existing = {
            (task.alert_id.id, task.project_id.id, task.code, task.unit_id.id)
            for task in Task.search_fetch(
                [("alert_id", "in", alerts.ids)], ["alert_id", "project_id", "code", "unit_id"]
            )
        }
        # Every vacant unit of the estate, whatever grid restriction applies to the user.
        vacant_units = (
            self.env["property.unit"]
            .sudo()
            .search_fetch(
                [("project_id", "in", projects.ids), ("state", "=", "vacant")],
                ["project_id", "code", "butler_id"],
                order="code",
            )
        )
        units_by_project = {}
        for unit in vacant_units:
            units_by_project.setdefault(unit.project_id.id, []).append(unit)
        guards_by_project = self._project_guards(projects)
        checklist = self._checklist()
        vals_list = []
        for alert in alerts:
            for project in alert.project_ids:
                guards = guards_by_project.get(project.id, self.env["res.users"])
                for index, (code, name) in enumerate(checklist):
                    if (alert.id, project.id, code, False) in existing:
                        continue
                    vals_list.append(
                        {
                            "alert_id": alert.id,
                            "project_id": project.id,
                            "code": code,
                            "name": name,
                            "role": "guard",
                            "user_id": guards[index % len(guards)].id if guards else False,
                            "sequence": index + 1,
                        }
                    )
                for unit in units_by_project.get(project.id, []):
                    if (alert.id, project.id, "vacant_unit", unit.id) in existing:
                        continue
                    vals_list.append(
                        {
                            "alert_id": alert.id,
                            "project_id": project.id,
                            "unit_id": unit.id,
                            "code": "vacant_unit",
                            "name": self._vacant_unit_task_name(unit.code),
                            "role": "butler",
                            "user_id": unit.butler_id.id,
                            "sequence": 100,
                        }
                    )
        tasks = Task.create(vals_list)
        tasks._translate_names()
        return tasks

    def _vacant_unit_task_name(self, code):
        return self.env._("Close the windows and clear the drains of vacant unit %s", code)

    # ------------------------------------------------------------------
    # Patrols
    # ------------------------------------------------------------------
    @api.model
    def _active_for_projects(self, projects):
        """The projects among ``projects`` that have an active alert (patrols of their key
        areas run at double frequency). One query, whatever the user's access to alerts."""
        if not projects:
            return projects
        alerts = self.sudo().search_fetch(
            [("state", "=", "active"), ("project_ids", "in", projects.ids)], ["project_ids"]
        )
        active_ids = set(alerts.project_ids.ids)
        return projects.filtered(lambda project: project.id in active_ids)
