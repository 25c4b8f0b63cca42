from collections import Counter, defaultdict
from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.property_visit import HOUSEHOLD_DOMAIN, VISIT_KINDS
from ..models.property_visit_plan import estate_tz, local_year_bounds

GROUP = "property_butler.property_butler_group_"


class PropertyVisitReportWizard(models.TransientModel):
    """The monthly visit report of each butler for the supervisor (定期向上級領導匯報客戶拜訪
    情況): the month's visits by kind, the share of the grids' households visited this year,
    and the follow-ups still open."""

    _name = "property.visit.report.wizard"
    _description = "Monthly Visit Report"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month reported on.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Butlers",
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP + "butler").ids)],
        default=lambda self: self._default_users(),
        help="Empty: every butler of the visits you can see.",
    )

    @api.model
    def _default_users(self):
        if self.env.user.has_group(GROUP + "supervisor"):
            return self.env["res.users"]
        return self.env.user

    def action_print(self):
        self.ensure_one()
        if not self._report_rows():
            raise UserError(self.env._("No visits or butlers to report on for this month."))
        return self.env.ref(
            "property_butler_visit.property_visit_report_monthly_action"
        ).report_action(self)

    def _month_bounds(self):
        tz = estate_tz(self.env.company)
        first = self.month.replace(day=1)
        return tuple(
            tz.localize(datetime.combine(day, datetime.min.time()))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
            for day in (first, first + relativedelta(months=1))
        )

    def _report_rows(self):
        """One row per butler, everything read under the user's own rights (a butler of a
        restricted company reports on his grids only): a fixed number of grouped queries."""
        self.ensure_one()
        Visit, Unit = self.env["property.visit"], self.env["property.unit"]
        start, end = self._month_bounds()
        year_start, year_end = local_year_bounds(self.env.company, self.month.year)
        month_domain = [("date", ">=", start), ("date", "<", end)]
        users = self.user_ids
        if not users:
            users = (
                Visit.search(month_domain).user_id
                | Unit.search([("butler_id", "!=", False), *HOUSEHOLD_DOMAIN]).butler_id
            )
        kinds = defaultdict(Counter)
        for user, kind, count in Visit._read_group(
            [("user_id", "in", users.ids), *month_domain], ["user_id", "kind"], ["__count"]
        ):
            kinds[user][kind] = count
        households = {
            butler: set(ids)
            for butler, ids in Unit._read_group(
                [("butler_id", "in", users.ids), *HOUSEHOLD_DOMAIN], ["butler_id"], ["id:array_agg"]
            )
        }
        all_units = set().union(*households.values()) if households else set()
        visited = {
            unit.id
            for [unit] in Visit._read_group(
                [
                    ("unit_id", "in", list(all_units)),
                    ("date", ">=", year_start),
                    ("date", "<", year_end),
                ],
                ["unit_id"],
            )
        }
        follow_ups = Visit.search(
            [("user_id", "in", users.ids), ("state", "=", "follow_up")],
            order="date_follow_up, date",
        ).grouped("user_id")
        today = fields.Date.context_today(self)
        labels = dict(VISIT_KINDS)
        rows = []
        for user in users.sorted("name"):
            units = households.get(user, set())
            count = sum(kinds[user].values())
            if not (count or units or user in follow_ups):
                continue
            done = len(units & visited)
            rows.append(
                {
                    "user": user,
                    "visit_count": count,
                    "kinds": [(labels[key], kinds[user][key]) for key, _label in VISIT_KINDS],
                    "household_count": len(units),
                    "visited_count": done,
                    "coverage": 100.0 * done / len(units) if units else 0.0,
                    "follow_ups": follow_ups.get(user, Visit),
                    "today": today,
                }
            )
        return rows
