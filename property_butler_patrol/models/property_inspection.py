from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import local_to_utc, utc_to_local

from .property_unit import DWELLING_UNIT_TYPES

# The butler's morning check (S0): at 9:30 they ask the team leads about the night; done later,
# it is late.
MORNING_CHECK_TIME = time(9, 30)


class PropertyInspection(models.Model):
    """An inspection (巡視): each item OK or a problem; problems become findings."""

    _name = "property.inspection"
    _description = "Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    template_id = fields.Many2one(
        "property.inspection.template", required=True, index=True, ondelete="restrict"
    )
    kind = fields.Selection(related="template_id.kind", store=True, index=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        compute="_compute_place",
        store=True,
        readonly=False,
        precompute=True,
    )
    cluster_id = fields.Many2one(
        "property.cluster",
        index=True,
        check_company=True,
        compute="_compute_place",
        store=True,
        readonly=False,
        precompute=True,
    )
    unit_id = fields.Many2one("property.unit", index=True, check_company=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Inspector",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    date_planned = fields.Date(
        string="Planned", required=True, default=fields.Date.context_today, index=True
    )
    date_deadline = fields.Date(string="Due By")
    date_done = fields.Date(string="Done On", readonly=True, index=True)
    datetime_done = fields.Datetime(
        string="Done At", readonly=True, help="When the inspection was marked done."
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        store=True,
        help="A morning check done after 9:30 and the company's grace (the inspector's time "
        "zone, else the estates').",
    )
    period = fields.Char(
        readonly=True, help="Month of a vacant-unit inspection (YYYY-MM): one per unit and month."
    )
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")], default="todo", required=True, tracking=True
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    line_ids = fields.One2many("property.inspection.line", "inspection_id", string="Items")
    problem_count = fields.Integer(compute="_compute_problem_count")
    note = fields.Html()

    _sql_constraints = [
        (
            "unit_template_period_uniq",
            "unique(unit_id, template_id, period)",
            "This unit already has this inspection for that month.",
        ),
    ]

    def _place(self):
        self.ensure_one()
        return self.unit_id.code or self.cluster_id.name or self.project_id.name or ""

    @api.depends("template_id.name", "cluster_id.name", "unit_id.code", "date_planned")
    def _compute_name(self):
        for inspection in self:
            inspection.name = (
                f"{inspection.template_id.name or ''} {inspection._place()} "
                f"{inspection.date_planned or ''}"
            )

    @api.depends("unit_id")
    def _compute_place(self):
        for inspection in self:
            if inspection.unit_id:
                inspection.project_id = inspection.unit_id.project_id
                inspection.cluster_id = inspection.unit_id.cluster_id

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for inspection in self:
            inspection.is_overdue = (
                inspection.state != "done"
                and bool(inspection.date_deadline)
                and inspection.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue inspections."))
        domain = [
            ("state", "!=", "done"),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("kind", "datetime_done", "user_id.tz", "company_id.property_morning_check_grace")
    def _compute_is_late(self):
        for inspection in self:
            done = inspection.datetime_done
            if inspection.kind != "morning_check" or not done:
                inspection.is_late = False
                continue
            local = utc_to_local(done, inspection.user_id.tz).replace(tzinfo=None)
            due = datetime.combine(local.date(), MORNING_CHECK_TIME) + timedelta(
                minutes=(inspection.company_id or self.env.company).property_morning_check_grace
            )
            inspection.is_late = local > due

    @api.depends("line_ids.result")
    def _compute_problem_count(self):
        for inspection in self:
            inspection.problem_count = len(
                inspection.line_ids.filtered(lambda line: line.result == "problem")
            )

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        inspections._fill_lines()
        return inspections

    def _fill_lines(self):
        """One line per template item, created in one batch; the lines take the items' names
        in every language (one query)."""
        lines = self.env["property.inspection.line"].create(
            [
                {
                    "inspection_id": inspection.id,
                    "item_id": item.id,
                    "category": item.category,
                    "name": item.name,
                    "sequence": item.sequence,
                }
                for inspection in self.filtered(lambda i: not i.line_ids)
                for item in inspection.template_id.item_ids
            ]
        )
        if lines:
            lines.flush_recordset(["name"])
            self.env["property.inspection.template.item"].flush_model(["name"])
            self.env.cr.execute(
                """UPDATE property_inspection_line line SET name = item.name
                     FROM property_inspection_template_item item
                    WHERE line.item_id = item.id AND line.id IN %s""",
                [tuple(lines.ids)],
            )
            lines.invalidate_recordset(["name"])

    def action_done(self):
        """Close the inspection: problems become findings for their department, and the owner
        of a vacant unit is told the result."""
        for inspection in self:
            if inspection.state == "done":
                raise UserError(self.env._("%s is already done.", inspection.name))
            unanswered = inspection.line_ids.filtered(lambda line: not line.result)
            if unanswered:
                raise UserError(
                    self.env._(
                        "Mark every item OK or problem first: %s",
                        ", ".join(unanswered.mapped("name")[:10]),
                    )
                )
        self.write(
            {
                "state": "done",
                "date_done": fields.Date.context_today(self),
                "datetime_done": fields.Datetime.now(),
            }
        )
        self.line_ids._raise_findings()
        self.filtered(lambda i: i.kind == "morning_check")._close_morning_reminders()
        self.filtered(lambda i: i.kind == "vacant_unit")._notify_owner()
        return True

    def _notify_owner(self):
        """Tell the owners of a vacant unit what the inspection found (e-mail)."""
        for inspection in self:
            owners = inspection.unit_id.owner_ids
            if not owners:
                continue
            problems = inspection.line_ids.filtered(lambda line: line.result == "problem")
            body = (
                self.env._(
                    "We inspected your unit %(unit)s on %(date)s: everything is in order.",
                    unit=inspection.unit_id.code,
                    date=inspection.date_done,
                )
                if not problems
                else self.env._(
                    "We inspected your unit %(unit)s on %(date)s and found: %(problems)s. "
                    "The engineering department is taking care of it.",
                    unit=inspection.unit_id.code,
                    date=inspection.date_done,
                    problems="; ".join(
                        f"{line.name}{': ' + line.note if line.note else ''}" for line in problems
                    ),
                )
            )
            inspection.message_post(
                body=body,
                partner_ids=owners.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    @api.constrains("template_id", "unit_id")
    def _check_vacant_unit_is_a_dwelling(self):
        for inspection in self:
            unit = inspection.unit_id
            if (
                inspection.template_id.kind == "vacant_unit"
                and unit
                and unit.unit_type not in DWELLING_UNIT_TYPES
            ):
                raise ValidationError(
                    self.env._(
                        "%(unit)s is a %(type)s, not a flat: vacant-unit inspections are for "
                        "flats only.",
                        unit=unit.display_name,
                        type=dict(unit._fields["unit_type"]._description_selection(self.env))[
                            unit.unit_type
                        ],
                    )
                )

    @api.model
    def _cron_vacant_unit_inspections(self, batch_size=500):
        """Every day: one inspection this month for each empty flat of the clusters (vacant,
        unsold, decorated with nobody living there) for its butler, due at month end; a flat
        that became empty mid-month gets its inspection that day. Idempotent: (unit, template,
        month) is unique and existing ones are skipped. ``batch_size`` units per call of the
        scheduler."""
        return self.env["ir.cron"]._property_run_batches(
            lambda _cursor: self._vacant_unit_inspections_batch(batch_size)
        )

    @api.model
    def _vacant_unit_inspections_batch(self, batch_size):
        template = self.env.ref("property_butler_patrol.property_inspection_template_vacant_unit")
        today = fields.Date.context_today(self)
        existing = self.search(
            [("template_id", "=", template.id), ("period", "=", today.strftime("%Y-%m"))]
        ).unit_id
        empty = self.env["property.unit"]._property_empty_domain()
        units = self.env["property.unit"].search(
            [*empty, ("id", "not in", existing.ids)], limit=batch_size
        )
        inspections = self._create_vacant_unit_inspections(units, today)
        remaining = self.env["property.unit"].search_count(
            [*empty, ("id", "not in", (existing | units).ids)]
        )
        return CronBatch(inspections, len(units), remaining)

    @api.model
    def _create_vacant_unit_inspections(self, units, day):
        """This month's inspection of those ``units`` that are empty flats and have none yet,
        for their butler (else the project's supervisor), due at the month's end."""
        template = self.env.ref("property_butler_patrol.property_inspection_template_vacant_unit")
        if not template.active or not units:
            return self.browse()
        period = day.strftime("%Y-%m")
        empty = units.search([*units._property_empty_domain(), ("id", "in", units.ids)])
        done = self.search(
            [
                ("template_id", "=", template.id),
                ("period", "=", period),
                ("unit_id", "in", empty.ids),
            ]
        ).unit_id
        return self.create(
            [
                {
                    "template_id": template.id,
                    "unit_id": unit.id,
                    "user_id": (unit.butler_id or unit.project_id.supervisor_id).id,
                    "date_planned": day,
                    "date_deadline": fields.Date.end_of(day, "month"),
                    "period": period,
                }
                for unit in empty - done
            ]
        )

    def _close_morning_reminders(self):
        """The 9:30 reminders of the inspectors of these morning checks are done."""
        template = self.env.ref("property_butler_patrol.property_inspection_template_morning_check")
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", template._name),
                ("res_id", "=", template.id),
                ("user_id", "in", self.user_id.ids),
                ("date_deadline", "<=", fields.Date.context_today(self)),
            ]
        )
        activities.action_feedback(feedback=self.env._("Morning check done."))

    @api.model
    def _cron_morning_check_reminders(self):
        """At 9:30 each working day (Monday to Friday, the estates' time zone), a to-do for
        each butler who has not done today's morning check yet.

        Idempotent: a butler who already has today's reminder gets no second one, also when
        two runs overlap: each gives the template row a new version first, so the second
        waits for the first and then fails on serialization (and is retried, seeing the
        first one's reminders) instead of reading a snapshot without them."""
        template = self.env.ref("property_butler_patrol.property_inspection_template_morning_check")
        now = utc_to_local(fields.Datetime.now(), None)
        today = now.date()
        if today.weekday() >= 5 or not template.active:
            return self.env["mail.activity"]
        self.env.cr.execute(
            "UPDATE property_inspection_template SET write_date = write_date WHERE id = %s",
            [template.id],
        )
        # Butlers, not the supervisors and managers whose roles imply the butler's.
        group = template.inspector_group_id
        butlers = group._property_duty_holders()[group] if group else self.env["res.users"]
        start = local_to_utc(today, 0, None)
        done = self.search(
            [
                ("template_id", "=", template.id),
                ("state", "=", "done"),
                ("datetime_done", ">=", start),
                ("datetime_done", "<", start + timedelta(days=1)),
            ]
        ).user_id
        Activity = self.env["mail.activity"]
        reminded = Activity.search(
            [
                ("res_model", "=", template._name),
                ("res_id", "=", template.id),
                ("date_deadline", "=", today),
            ]
        ).user_id
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(template._name)
        activities = Activity.create(
            [
                {
                    "res_model_id": model,
                    "res_id": template.id,
                    "activity_type_id": todo.id,
                    "user_id": butler.id,
                    "date_deadline": today,
                    "summary": self.env._("Morning check at 9:30"),
                    "note": self.env._(
                        "Ask the security captain, maintenance, the cleaning and greening leads, "
                        "the control room and the service hall what is left from the night, "
                        "then record the morning check."
                    ),
                }
                for butler in butlers - done - reminded
            ]
        )
        self.env["ir.cron"]._notify_progress(done=len(activities), remaining=0)
        return activities
