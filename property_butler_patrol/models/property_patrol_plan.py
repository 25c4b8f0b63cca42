from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_butler.models.ir_cron import CronBatch
from odoo.addons.property_butler.models.property_project import (
    default_tz,
    local_to_utc,
    tz_selection,
)


def guard_domain(env):
    """Users who may be given patrols and decoration checks: the patrol guards."""
    return [("groups_id", "in", env.ref("property_butler.property_butler_group_patrol_guard").id)]


class PropertyPatrolPlan(models.Model):
    """Route × shift × frequency, e.g. key areas hourly at night, vacant units once per shift.

    The scheduled action creates the rounds ahead of time and assigns them to the plan's
    guards in turn."""

    _name = "property.patrol.plan"
    _description = "Patrol Plan"
    _inherit = ["mail.thread", "property.company.mixin"]
    _order = "route_id, shift_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True, tracking=True)
    route_id = fields.Many2one(
        "property.patrol.route", required=True, index=True, check_company=True, tracking=True
    )
    shift_id = fields.Many2one(
        "property.patrol.shift", required=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(related="route_id.company_id", store=True, index=True)
    interval_minutes = fields.Integer(
        string="Every (minutes)",
        default=0,
        tracking=True,
        help="0: one round per shift; 60: a round every hour of the shift.",
    )
    guard_ids = fields.Many2many(
        "res.users",
        string="Guards",
        check_company=True,
        domain=lambda self: guard_domain(self.env),
        help="Rounds are assigned to these guards in turn.",
    )
    tz = fields.Selection(tz_selection, string="Time Zone", required=True, default=default_tz)
    round_ids = fields.One2many("property.patrol.round", "plan_id", string="Rounds")

    _sql_constraints = [
        (
            "interval_positive",
            "CHECK(interval_minutes >= 0)",
            "The interval between rounds cannot be negative.",
        ),
    ]

    @api.depends("route_id.name", "shift_id.name")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.route_id.name or ''} · {plan.shift_id.name or ''}"

    @api.constrains("guard_ids")
    def _check_guards(self):
        for plan in self:
            strangers = plan.guard_ids._property_not_guards()
            if strangers:
                raise ValidationError(
                    self.env._(
                        "Only patrol guards patrol: %s is not one.",
                        ", ".join(strangers.mapped("name")),
                    )
                )

    @api.model
    def _intensified_project_ids(self, projects):
        """The ids of those ``projects`` whose key areas are patrolled twice as often for the
        time being (the storm addon: while a storm alert is active for them)."""
        return []

    def _interval(self):
        """Minutes between rounds; while the project's patrols are intensified (a storm alert),
        routes with key areas are patrolled twice as often (a once-per-shift plan: every half
        shift)."""
        self.ensure_one()
        interval = self.interval_minutes
        stormy = self.env.context.get("property_storm_project_ids")
        if stormy is None:
            stormy = self._intensified_project_ids(self.route_id.project_id)
        if self.route_id.line_ids.checkpoint_id.filtered("is_key_area") and (
            self.route_id.project_id.id in stormy
        ):
            interval = max((interval or round(self.shift_id.duration * 60)) // 2, 1)
        return interval

    def _slots(self, day):
        """UTC start times (naive) of the rounds of ``day``'s shift."""
        self.ensure_one()
        shift = self.shift_id
        start = local_to_utc(day, shift.hour_from, self.tz)
        length = timedelta(hours=shift.duration)
        interval = self._interval()
        if not interval:
            return [start]
        slots, current = [], start
        while current < start + length:
            slots.append(current)
            current += timedelta(minutes=interval)
        return slots

    @api.model
    def _cron_generate_rounds(self, days_ahead=2, batch_size=50):
        """Create the rounds of the next ``days_ahead`` days: ``batch_size`` plans per call of
        the scheduler, by id.

        Idempotent: a plan's row is locked while its rounds are created, rounds that exist are
        skipped, and (plan, start) is unique, so re-runs and concurrent runs add nothing twice.
        """
        today = fields.Date.context_today(self)
        days = [today + timedelta(days=offset) for offset in range(days_ahead + 1)]
        return self.env["ir.cron"]._property_run_batches(
            lambda cursor: self._generate_rounds_batch(days, batch_size, cursor)
        )

    @api.model
    def _generate_rounds_batch(self, days, batch_size, cursor):
        """The rounds of the next ``batch_size`` plans after ``cursor`` ([day, last plan id] of
        the previous batch of the day's run)."""
        day = fields.Date.to_string(days[0])
        after = cursor[1] if cursor and cursor[0] == day else 0
        plans = self.search([("route_id.active", "=", True), ("id", ">", after)], order="id")
        batch = plans[:batch_size]
        if not batch:
            return CronBatch(self.env["property.patrol.round"], 0, 0)
        # Plans another run is handling are skipped (SKIP LOCKED): it creates their rounds.
        self.env.cr.execute(
            "SELECT id FROM property_patrol_plan WHERE id IN %s FOR UPDATE SKIP LOCKED",
            [tuple(batch.ids)],
        )
        locked = self.browse(row[0] for row in self.env.cr.fetchall())
        created = locked._generate_rounds(days)
        return CronBatch(created, len(batch), len(plans) - len(batch), [day, batch[-1:].id])

    def _generate_rounds(self, days):
        """Create the missing rounds of these plans for ``days``, in one query and one create.
        Empty-flat routes are first brought in line with the units' status; a route without
        checkpoints (no empty flat left) gets no rounds."""
        self.route_id._sync_vacant_units()
        # No "created" chatter message per round: thousands a month, and nobody reads them.
        Round = self.env["property.patrol.round"].with_context(
            mail_create_nolog=True, tracking_disable=True
        )
        first = datetime.combine(min(days) - timedelta(days=1), time.min)
        last = datetime.combine(max(days) + timedelta(days=2), time.min)
        rounds = Round.search_fetch(
            [("plan_id", "in", self.ids), ("date_start", ">=", first), ("date_start", "<", last)],
            ["plan_id", "date_start"],
        )
        existing = {(r.plan_id.id, r.date_start) for r in rounds}
        stormy = self._intensified_project_ids(self.route_id.project_id)
        vals_list = []
        for plan in self.with_context(property_storm_project_ids=stormy):
            if not plan.route_id.line_ids:
                continue
            guards = plan.guard_ids.sorted("id")
            for day in days:
                for index, start in enumerate(plan._slots(day)):
                    if (plan.id, start) in existing:
                        continue
                    guard = guards[(day.toordinal() + index) % len(guards)] if guards else guards
                    vals_list.append(
                        {
                            "plan_id": plan.id,
                            "route_id": plan.route_id.id,
                            "guard_id": guard.id,
                            "date_start": start,
                        }
                    )
        return Round.create(vals_list)
