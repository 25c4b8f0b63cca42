from psycopg2.extras import Json, execute_values

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

TASK_ROLES = [
    ("guard", "Security Guard"),
    ("butler", "Butler"),
]

TASK_STATES = [
    ("todo", "To Do"),
    ("done", "Done"),
]


class PropertyStormTask(models.Model):
    """One line of the storm checklist of a project: a supply, a fixture, a vacant unit."""

    _name = "property.storm.task"
    _description = "Storm Checklist Task"
    _order = "alert_id desc, project_id, sequence, unit_id, id"
    _check_company_auto = True

    name = fields.Char(string="Task", required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(
        readonly=True,
        help="Checklist item: pumps, sandbags, emergency_lights, signs_fixtures, doors_windows, "
        "low_lying or vacant_unit; empty for a task added by hand.",
    )
    alert_id = fields.Many2one(
        "property.storm.alert",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    alert_state = fields.Selection(related="alert_id.state", string="Alert Status")
    company_id = fields.Many2one(
        related="alert_id.company_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        ondelete="cascade",
        help="The vacant unit whose windows and drains are to be checked.",
    )
    role = fields.Selection(TASK_ROLES, required=True, default="guard")
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(TASK_STATES, default="todo", required=True, index=True)
    done_on = fields.Datetime(readonly=True)
    done_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Text()
    photo = fields.Image(max_width=1024, max_height=1024, attachment=True)

    def init(self):
        # (alert, project, item, unit) once: NULL units (fixed checklist items) compare equal;
        # tasks added by hand (no code) are not concerned.
        tools.create_unique_index(
            self.env.cr,
            "property_storm_task_alert_project_code_unit_uniq",
            self._table,
            ["alert_id", "project_id", "code", "COALESCE(unit_id, 0)"],
        )

    @api.constrains("alert_id", "project_id", "unit_id")
    def _check_project(self):
        for task in self:
            if task.project_id not in task.alert_id.project_ids:
                raise ValidationError(
                    self.env._(
                        "Project %(project)s is not on alert %(alert)s.",
                        project=task.project_id.name,
                        alert=task.alert_id.name,
                    )
                )
            if task.unit_id and task.unit_id.project_id != task.project_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in project %(project)s.",
                        unit=task.unit_id.code,
                        project=task.project_id.name,
                    )
                )

    def write(self, vals):
        if (
            {"state", "done_on", "done_by_id"} & set(vals)
            and not self.env.su
            and not self.env.context.get("property_storm_task_step")
        ):
            raise UserError(self.env._("Use Done and Reset: the status is not edited by hand."))
        return super().write(vals)

    def _check_can_update(self):
        is_supervisor = self.env.user.has_group("property_butler.property_butler_group_supervisor")
        if is_supervisor:
            return
        others = self.filtered(lambda t: t.user_id and t.user_id != self.env.user)
        if others:
            raise UserError(
                self.env._(
                    "This task is assigned to someone else: %s.",
                    ", ".join(others.mapped("name")),
                )
            )

    def action_done(self):
        """Mark the tasks done (by their assignee, anyone of the role when unassigned, or a
        supervisor)."""
        self._check_can_update()
        todo = self.filtered(lambda t: t.state == "todo")
        todo.with_context(property_storm_task_step=True).write(
            {"state": "done", "done_on": fields.Datetime.now(), "done_by_id": self.env.user.id}
        )
        return True

    def action_reset(self):
        self._check_can_update()
        self.filtered(lambda t: t.state == "done").with_context(
            property_storm_task_step=True
        ).write({"state": "todo", "done_on": False, "done_by_id": False})
        return True

    def _translate_names(self):
        """The checklist tasks' names in every installed language (they come from the code's
        translations, see property.storm.alert._checklist): one query per language."""
        if not self:
            return
        self.flush_recordset(["name"])
        Alert = self.env["property.storm.alert"]
        for lang, _name in self.env["res.lang"].get_installed():
            alert = Alert.with_context(lang=lang)
            names = dict(alert._checklist())
            rows = [
                (
                    task.id,
                    Json(
                        {
                            lang: alert._vacant_unit_task_name(task.unit_id.code)
                            if task.code == "vacant_unit"
                            else names.get(task.code, task.name)
                        }
                    ),
                )
                for task in self.filtered("code")
            ]
            execute_values(
                self.env.cr._obj,
                """UPDATE property_storm_task task SET name = task.name || data.name
                     FROM (VALUES %s) AS data(id, name) WHERE task.id = data.id""",
                rows,
                template="(%s, %s::jsonb)",
            )
        self.invalidate_recordset(["name"])
