from collections import defaultdict
from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ

from .property_visit import HOUSEHOLD_DOMAIN


def estate_tz(company):
    """The estates' time zone: the company's (on its contact), else the suite's."""
    # sudo: the company's contact, which not every user may read.
    return pytz.timezone(company.sudo().partner_id.tz or DEFAULT_TZ)


def local_year_bounds(company, year):
    """1 January of ``year`` and of the next, 00:00 in the estates' time zone, as naive UTC
    datetimes to compare with stored ones."""
    tz = estate_tz(company)
    return tuple(
        tz.localize(datetime(y, 1, 1)).astimezone(pytz.utc).replace(tzinfo=None)
        for y in (year, year + 1)
    )


class PropertyVisitPlan(models.Model):
    """A grid's visit plan for a year: every household visited at least the company's number
    of times, key customers more often; how far the butler is, in households visited and in
    key customers still short of their visits ("定期向上級領導匯報客戶拜訪情況")."""

    _name = "property.visit.plan"
    _description = "Yearly Visit Plan"
    _inherit = ["property.company.mixin"]
    _order = "year desc, grid_id"
    _check_company_auto = True

    grid_id = fields.Many2one(
        "property.grid", required=True, index=True, check_company=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="grid_id.company_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(related="grid_id.project_id", store=True, index=True)
    butler_id = fields.Many2one(related="grid_id.butler_id", string="Butler")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, index=True
    )
    visits_per_household = fields.Integer(
        required=True,
        default=lambda self: self.env.company.property_visits_per_household,
    )
    visits_per_key_customer = fields.Integer(
        required=True,
        default=lambda self: self.env.company.property_visits_per_key_customer,
    )
    household_count = fields.Integer(compute="_compute_progress", string="Households")
    key_customer_count = fields.Integer(compute="_compute_progress", string="Key Customers")
    planned_visit_count = fields.Integer(
        compute="_compute_progress",
        string="Planned Visits",
        help="Households times their visits, key customers times theirs.",
    )
    visit_count = fields.Integer(compute="_compute_progress", string="Visits Made")
    visited_household_count = fields.Integer(
        compute="_compute_progress", string="Households Visited"
    )
    coverage = fields.Float(
        compute="_compute_progress",
        string="Households Visited (%)",
        digits=(5, 1),
        help="Share of the grid's households visited at least once this year.",
    )
    short_count = fields.Integer(
        compute="_compute_progress",
        string="Households Short of Visits",
        help="Households (key customers included) visited fewer times than the plan asks.",
    )

    _sql_constraints = [
        ("grid_year_uniq", "unique(grid_id, year)", "The grid already has a plan for this year."),
    ]

    @api.constrains("visits_per_household", "visits_per_key_customer", "year")
    def _check_targets(self):
        for plan in self:
            if plan.visits_per_household < 1 or plan.visits_per_key_customer < 1:
                raise ValidationError(self.env._("A visit plan asks for at least one visit."))
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(self.env._("%s is not a year.", plan.year))

    @api.depends("grid_id", "year", "visits_per_household", "visits_per_key_customer")
    def _compute_progress(self):
        for plan, (households, keys, visits) in zip(self, self._household_visits(), strict=True):
            counts = [visits.get(unit, 0) for unit in households]
            plan.household_count = len(households)
            plan.key_customer_count = len(keys)
            plan.planned_visit_count = (len(households) - len(keys)) * plan.visits_per_household + (
                len(keys) * plan.visits_per_key_customer
            )
            plan.visit_count = sum(visits.values())
            plan.visited_household_count = sum(1 for count in counts if count)
            plan.coverage = (
                100.0 * plan.visited_household_count / len(households) if households else 0.0
            )
            plan.short_count = sum(
                1
                for unit, count in zip(households, counts, strict=True)
                if count
                < (plan.visits_per_key_customer if unit in keys else plan.visits_per_household)
            )

    def _household_visits(self):
        """For each plan: (household unit ids, key customer unit ids, {unit id: visits that
        year}); two grouped queries per year planned, whatever the number of units."""
        Unit, Visit = self.env["property.unit"], self.env["property.visit"]
        grids = self.grid_id
        units = defaultdict(list)
        keys = defaultdict(set)
        for grid, key, ids in Unit._read_group(
            [("grid_id", "in", grids.ids), *HOUSEHOLD_DOMAIN],
            ["grid_id", "key_customer"],
            ["id:array_agg"],
        ):
            units[grid.id] += ids
            if key:
                keys[grid.id].update(ids)
        visits = defaultdict(dict)
        for (company, year), plans in self.grouped(lambda p: (p.company_id, p.year)).items():
            if not year:
                continue
            start, end = local_year_bounds(company or self.env.company, year)
            for grid, unit, count in Visit._read_group(
                [
                    ("grid_id", "in", plans.grid_id.ids),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["grid_id", "unit_id"],
                ["__count"],
            ):
                visits[grid.id, year][unit.id] = count
        return [
            (
                sorted(units[plan.grid_id.id]),
                keys[plan.grid_id.id],
                visits[plan.grid_id.id, plan.year],
            )
            for plan in self
        ]

    @api.depends("grid_id", "year")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = f"{plan.grid_id.display_name or ''} {plan.year or ''}".strip()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.model
    def action_plan_year(self):
        """This year's plan for every active grid the user may read that has none yet (also
        run on 1 January by the scheduler); the plans of the year are shown."""
        year = fields.Date.context_today(self).year
        self._create_year_plans(self.env["property.grid"].search([("active", "=", True)]), year)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_visit.property_visit_plan_action"
        )
        action["domain"] = [("year", "=", year)]
        return action

    @api.model
    def _create_year_plans(self, grids, year):
        """Idempotent: the plans that exist are kept (unique grid and year), the others made
        with their company's targets."""
        planned = (
            self.with_context(active_test=False)
            .search([("grid_id", "in", grids.ids), ("year", "=", year)])
            .grid_id
        )
        return self.create(
            [
                {
                    "grid_id": grid.id,
                    "year": year,
                    "visits_per_household": grid.company_id.property_visits_per_household,
                    "visits_per_key_customer": grid.company_id.property_visits_per_key_customer,
                }
                for grid in grids - planned
            ]
        )

    @api.model
    def _cron_plan_year(self):
        """On 1 January: the new year's plan of every active grid of every company."""
        plans = self._create_year_plans(
            self.env["property.grid"].search([("active", "=", True)]),
            fields.Date.context_today(self).year,
        )
        self.env["ir.cron"]._notify_progress(done=len(plans), remaining=0)
        return plans

    def action_view_short(self):
        """The households of the grid still short of their visits this year."""
        self.ensure_one()
        households, keys, visits = self._household_visits()[0]
        short = [
            unit
            for unit in households
            if visits.get(unit, 0)
            < (self.visits_per_key_customer if unit in keys else self.visits_per_household)
        ]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Households Short of Visits"),
            "res_model": "property.unit",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", short)],
            "context": {"create": False},
        }

    def action_view_visits(self):
        self.ensure_one()
        start, end = local_year_bounds(self.company_id, self.year)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_butler_visit.property_visit_action"
        )
        action.update(
            domain=[("grid_id", "=", self.grid_id.id), ("date", ">=", start), ("date", "<", end)],
            context={"create": False},
        )
        return action
