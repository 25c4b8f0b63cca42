from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, plaintext2html

from .property_storm_checklist_item import TASK_ROLES

TASK_STATES = [
    ("todo", "To Do"),
    ("done", "Done"),
]


class PropertyStormTask(models.Model):
    """One line of the storm checklist of a project: a supply, a fixture, a vacant unit.

    Done when checked; *Hazard Found* also raises an urgent finding (S0 3.6.4)."""

    _name = "property.storm.task"
    _description = "Storm Checklist Task"
    _order = "alert_id desc, project_id, sequence, unit_id, id"
    _check_company_auto = True

    name = fields.Char(string="Task", required=True, translate=True)
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one(
        "property.storm.checklist.item",
        string="Checklist Item",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The item of the storm plan this task comes from; empty for a task added by hand.",
    )
    code = fields.Char(related="item_id.code")
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
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Finding",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The finding raised by the hazard found on this task.",
    )
    is_hazard = fields.Boolean(
        string="Hazard Found", compute="_compute_is_hazard", store=True, index=True
    )

    def init(self):
        # (alert, project, item, unit) once: NULL units (project-wide items) compare equal;
        # tasks added by hand (no item) are not concerned.
        tools.create_unique_index(
            self.env.cr,
            "property_storm_task_alert_project_item_unit_uniq",
            self._table,
            ["alert_id", "project_id", "item_id", "COALESCE(unit_id, 0)"],
        )

    @api.depends("ticket_id")
    def _compute_is_hazard(self):
        for task in self:
            task.is_hazard = bool(task.ticket_id)

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

    def action_report_hazard(self):
        self._report_hazards()
        return True

    def _report_hazards(self):
        """S0 3.6.4: a hazard found on the task is reported at once: it becomes a finding for
        the item's department, urgent while the alert is active (see property.ticket), and the
        task is done (checked). The note says what was found."""
        self._check_can_update()
        todo = self.filtered(lambda t: not t.ticket_id)
        undescribed = todo.filtered(lambda t: not t.note)
        if undescribed:
            raise UserError(
                self.env._(
                    "Describe the hazard in the note first: %s.",
                    ", ".join(undescribed.mapped("name")),
                )
            )
        finding_type = self.env.ref("property_butler_ticket.property_ticket_type_finding")
        departments = todo._hazard_departments(finding_type)
        tickets = self.env["property.ticket"].create(
            [
                {
                    "ticket_type_id": finding_type.id,
                    "channel": "patrol",
                    "title": f"{task.alert_id.name}: {task.name}",
                    # The note is plain text, not markup.
                    "description": plaintext2html(task.note),
                    "project_id": task.project_id.id,
                    "unit_id": task.unit_id.id,
                    "company_id": task.company_id.id,
                    "department_id": departments[task.id].id,
                    "storm_alert_id": task.alert_id.id,
                }
                for task in todo
            ]
        )
        now = fields.Datetime.now()
        for task, ticket in zip(todo, tickets, strict=True):
            values = {"ticket_id": ticket.id}
            if task.state == "todo":
                values.update(state="done", done_on=now, done_by_id=self.env.user.id)
            task.with_context(property_storm_task_step=True).write(values)
        return tickets

    def _hazard_departments(self, finding_type):
        """{task id: department receiving its finding}: the item's department (else the
        findings'), or the department of the same kind in the task's company (one query)."""
        wanted = {
            task.id: task.item_id.department_id or finding_type.department_id for task in self
        }
        others = self.filtered(lambda t: wanted[t.id] and wanted[t.id].company_id != t.company_id)
        local = {}
        if others:
            for department in (
                self.env["property.department"]
                .sudo()
                .search_fetch(
                    [
                        ("company_id", "in", others.company_id.ids),
                        ("kind", "in", list({wanted[t.id].kind for t in others})),
                    ],
                    ["company_id", "kind"],
                    order="sequence desc, id desc",
                )
            ):
                local[(department.company_id.id, department.kind)] = department.with_env(self.env)
        Department = self.env["property.department"]
        return {
            task.id: wanted[task.id]
            if task not in others
            else local.get((task.company_id.id, wanted[task.id].kind), Department)
            for task in self
        }

    def action_view_finding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    def _translate_names(self):
        """The checklist tasks' names in every language of their item (a vacant unit's task
        starts with the unit's code): one query."""
        tasks = self.filtered("item_id")
        if not tasks:
            return
        self.flush_recordset(["name"])
        self.env["property.storm.checklist.item"].flush_model(["name"])
        self.env["property.unit"].flush_model(["code"])
        self.env.cr.execute(
            SQL(
                """UPDATE property_storm_task task
                      SET name = COALESCE(
                            (SELECT jsonb_object_agg(item_name.key, unit.code || ': ' || item_name.value)
                               FROM property_unit unit, jsonb_each_text(item.name) item_name
                              WHERE unit.id = task.unit_id),
                            item.name)
                     FROM property_storm_checklist_item item
                    WHERE item.id = task.item_id AND task.id IN %s""",
                tuple(tasks.ids),
            )
        )
        tasks.invalidate_recordset(["name"])
