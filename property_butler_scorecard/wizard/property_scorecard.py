from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler_visit.models.property_ticket import BUTLER_SCORE_FIELDS

from odoo.addons.property_butler.models.property_project import DEFAULT_TZ, local_to_utc

GROUP = "property_butler.property_butler_group_"
# The columns of the scorecard, in order.
METRICS = (
    "collection",
    "satisfaction",
    "callbacks",
    "inspections",
    "vacant",
    "visits",
    "recommendations",
)
DEPARTMENT_METRICS = ("satisfaction", "butler_rating", "response", "resolution", "complaints")


class PropertyScorecard(models.TransientModel):
    """The butlers' monthly scorecard for the supervisor: for each butler of the month's grids,
    the grids' collection rate, the satisfaction of the callbacks done, callbacks made on time,
    inspections and vacant-unit inspections done against those due, customer visits, service
    recommendations made and accepted.

    Read under the supervisor's own rights, in a fixed number of grouped queries whatever the
    number of butlers or records."""

    _name = "property.scorecard"
    _description = "Butler Scorecard"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month scored.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Butlers",
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP + "butler").ids)],
        help="Empty: every butler of a grid.",
    )
    scorecard_html = fields.Html(
        string="Scorecard", compute="_compute_scorecard_html", sanitize=False
    )

    @api.depends("month", "user_ids")
    @api.depends_context("lang")
    def _compute_scorecard_html(self):
        for card in self:
            card.scorecard_html = self.env["ir.qweb"]._render(
                "property_butler_scorecard.property_scorecard_table", card._card_values()
            )

    def _butlers(self):
        self.ensure_one()
        if self.user_ids:
            return self.user_ids
        return (
            self.env["property.grid"].search([("butler_id", "!=", False)]).butler_id.sorted("name")
        )

    def _card_values(self):
        self.ensure_one()
        start = (self.month or fields.Date.context_today(self)).replace(day=1)
        butlers = self._butlers()
        departments = self.env["property.department"].search(
            [("company_id", "in", self.env.companies.ids)], order="sequence, id"
        )
        return {
            "month": start,
            "butlers": butlers,
            "rows": self._rows(start, butlers),
            "labels": self._labels(),
            "departments": departments,
            "department_rows": self._department_rows(start, departments),
            "department_labels": self._department_labels(),
        }

    @api.model
    def _labels(self):
        return {
            "collection": self.env._("Collection rate"),
            "satisfaction": self.env._("Satisfaction"),
            "callbacks": self.env._("Callbacks on time"),
            "inspections": self.env._("Inspections done"),
            "vacant": self.env._("Vacant-unit inspections done"),
            "visits": self.env._("Visits"),
            "recommendations": self.env._("Recommendations (accepted)"),
        }

    @api.model
    def _department_labels(self):
        return {
            "satisfaction": self.env._("Residents' satisfaction"),
            "butler_rating": self.env._("Butlers' rating (of 5)"),
            "response": self.env._("Responded in time"),
            "resolution": self.env._("Completed in time"),
            "complaints": self.env._("Valid complaints"),
        }

    # ------------------------------------------------------------------
    # The departments: {department id: {metric: value}}, a fixed number of queries
    # ------------------------------------------------------------------
    @api.model
    def _department_rows(self, start, departments):
        end = start + relativedelta(months=1)
        first = local_to_utc(start, 0, DEFAULT_TZ)
        last = local_to_utc(end, 0, DEFAULT_TZ)
        figures = defaultdict(lambda: defaultdict(float))
        Callback = self.env["property.ticket.callback"]
        if Callback.has_access("read"):
            for department, count, total in Callback._read_group(
                [
                    ("department_id", "in", departments.ids),
                    ("state", "=", "done"),
                    ("date_done", ">=", start),
                    ("date_done", "<", end),
                ],
                ["department_id"],
                ["__count", "satisfaction:sum"],
            ):
                figures[department.id]["callbacks"] = count
                figures[department.id]["satisfaction"] = (total or 0.0) / count
        Ticket = self.env["property.ticket"]
        if Ticket.has_access("read"):
            fields_read = [
                "department_id",
                "date_responded",
                "date_response_deadline",
                "date_done",
                "date_resolution_deadline",
                *BUTLER_SCORE_FIELDS,
                "butler_rated_on",
            ]
            for ticket in Ticket.search_fetch(
                [
                    ("department_id", "in", departments.ids),
                    ("date_done", ">=", first),
                    ("date_done", "<", last),
                ],
                fields_read,
            ):
                values = figures[ticket.department_id.id]
                values["done"] += 1
                if ticket.date_responded and ticket.date_response_deadline:
                    values["responses"] += 1
                    values["responses_on_time"] += (
                        ticket.date_responded <= ticket.date_response_deadline
                    )
                if ticket.date_resolution_deadline:
                    values["resolutions"] += 1
                    values["resolutions_on_time"] += (
                        ticket.date_done <= ticket.date_resolution_deadline
                    )
                scores = [int(ticket[name]) for name in BUTLER_SCORE_FIELDS if ticket[name]]
                if scores:
                    values["rated"] += 1
                    values["rating"] += sum(scores) / len(scores)
            for department, count in Ticket._read_group(
                [
                    ("kind", "=", "complaint"),
                    ("judgement", "=", "valid"),
                    ("responsible_department_id", "in", departments.ids),
                    ("date_received", ">=", first),
                    ("date_received", "<", last),
                ],
                ["responsible_department_id"],
                ["__count"],
            ):
                figures[department.id]["complaints"] = count
        return {
            department: self._department_cells(figures.get(department.id, {}))
            for department in departments
        }

    @api.model
    def _department_cells(self, values):
        company = self.env.company

        def ratio(done, total):
            if not total:
                return ("–", False)
            rate = 100.0 * done / total
            return (f"{int(done)}/{int(total)} ({rate:.0f} %)", rate < 100 - 1e-9)

        cells = {
            "satisfaction": (
                (
                    f"{values['satisfaction']:.1f} %",
                    values["satisfaction"] < company.property_satisfaction_target - 1e-9,
                )
                if values.get("callbacks")
                else ("–", False)
            ),
            "butler_rating": (
                (f"{values['rating'] / values['rated']:.1f}", False)
                if values.get("rated")
                else ("–", False)
            ),
            "response": ratio(values.get("responses_on_time", 0), values.get("responses", 0)),
            "resolution": ratio(values.get("resolutions_on_time", 0), values.get("resolutions", 0)),
            "complaints": (
                str(int(values.get("complaints", 0))),
                values.get("complaints", 0) > 0,
            ),
        }
        return [(key, *cells[key]) for key in DEPARTMENT_METRICS]

    # ------------------------------------------------------------------
    # The figures: {butler id: {metric: value}}, one grouped query each
    # ------------------------------------------------------------------
    @api.model
    def _rows(self, start, butlers):
        # Of the month running, only what is due by today counts.
        end = min(
            start + relativedelta(months=1), fields.Date.context_today(self) + relativedelta(days=1)
        )
        figures = defaultdict(dict)
        for method in (
            self._collection,
            self._satisfaction,
            self._callbacks,
            self._inspections,
            self._visits,
            self._recommendations,
        ):
            for butler_id, values in method(start, end, butlers).items():
                figures[butler_id].update(values)
        return {butler: self._cells(figures.get(butler.id, {})) for butler in butlers}

    @api.model
    def _cells(self, values):
        """The text of each column, and whether it is below its target (red)."""

        def ratio(done, total, target=100.0):
            if not total:
                return ("–", False)
            rate = 100.0 * done / total
            return (f"{done}/{total} ({rate:.0f} %)", rate < target - 1e-9)

        company = self.env.company
        collection_target = self.env["property.collection.report"]._target() * 100
        cells = {}
        if "collection" in values:
            rate = values["collection"]
            cells["collection"] = (f"{rate:.1f} %", rate < collection_target - 1e-9)
        else:
            cells["collection"] = ("–", False)
        if values.get("callbacks_done"):
            rate = values["satisfaction"]
            cells["satisfaction"] = (
                f"{rate:.1f} %",
                rate < company.property_satisfaction_target - 1e-9,
            )
        else:
            cells["satisfaction"] = ("–", False)
        cells["callbacks"] = ratio(values.get("callbacks_on_time", 0), values.get("callbacks", 0))
        cells["inspections"] = ratio(
            values.get("inspections_done", 0), values.get("inspections", 0)
        )
        cells["vacant"] = ratio(values.get("vacant_done", 0), values.get("vacant", 0))
        cells["visits"] = (str(values.get("visits", 0)), False)
        cells["recommendations"] = (
            f"{values.get('recommendations', 0)} ({values.get('accepted', 0)})",
            False,
        )
        return [(key, *cells[key]) for key in METRICS]

    @api.model
    def _collection(self, start, end, butlers):
        Collection = self.env["property.collection.report"]
        if not Collection.has_access("read"):
            return {}
        billed = defaultdict(lambda: [0.0, 0.0])
        for grid, rate in Collection._rates([("period", "=", start)], "grid_id").items():
            if grid and grid.butler_id in butlers:
                billed[grid.butler_id.id][0] += rate["billed"]
                billed[grid.butler_id.id][1] += rate["collected"]
        return {
            butler_id: {"collection": 100.0 * collected / total if total else 100.0}
            for butler_id, (total, collected) in billed.items()
        }

    @api.model
    def _satisfaction(self, start, end, butlers):
        Callback = self.env["property.ticket.callback"]
        if not Callback.has_access("read"):
            return {}
        return {
            butler.id: {"satisfaction": (total or 0.0) / count, "callbacks_done": count}
            for butler, count, total in Callback._read_group(
                [
                    ("butler_id", "in", butlers.ids),
                    ("state", "=", "done"),
                    ("date_done", ">=", start),
                    ("date_done", "<", end),
                ],
                ["butler_id"],
                ["__count", "satisfaction:sum"],
            )
        }

    @api.model
    def _callbacks(self, start, end, butlers):
        """Callbacks planned in the month (up to today), and those done by their planned day."""
        Callback = self.env["property.ticket.callback"]
        if not Callback.has_access("read"):
            return {}
        result = defaultdict(lambda: {"callbacks": 0, "callbacks_on_time": 0})
        for callback in Callback.search_fetch(
            [
                ("butler_id", "in", butlers.ids),
                ("date_scheduled", ">=", start),
                ("date_scheduled", "<", end),
            ],
            ["butler_id", "state", "date_done", "date_scheduled"],
        ):
            values = result[callback.butler_id.id]
            values["callbacks"] += 1
            if (
                callback.state == "done"
                and callback.date_done
                and callback.date_done <= callback.date_scheduled
            ):
                values["callbacks_on_time"] += 1
        return result

    @api.model
    def _inspections(self, start, end, butlers):
        """Inspections planned in the month and due by then (today for the running month),
        and those done."""
        Inspection = self.env["property.inspection"]
        if not Inspection.has_access("read"):
            return {}
        result = defaultdict(dict)
        for user, kind, state, count in Inspection._read_group(
            [
                ("user_id", "in", butlers.ids),
                ("date_planned", ">=", start),
                ("date_planned", "<", end),
                "|",
                ("state", "=", "done"),
                "|",
                ("date_deadline", "=", False),
                ("date_deadline", "<", end),
            ],
            ["user_id", "kind", "state"],
            ["__count"],
        ):
            prefix = "vacant" if kind == "vacant_unit" else "inspections"
            values = result[user.id]
            values[prefix] = values.get(prefix, 0) + count
            if state == "done":
                values[f"{prefix}_done"] = values.get(f"{prefix}_done", 0) + count
        return result

    @api.model
    def _visits(self, start, end, butlers):
        Visit = self.env["property.visit"]
        if not Visit.has_access("read"):
            return {}
        first = local_to_utc(start, 0, DEFAULT_TZ)
        last = local_to_utc(end, 0, DEFAULT_TZ)
        return {
            user.id: {"visits": count}
            for user, count in Visit._read_group(
                [("user_id", "in", butlers.ids), ("date", ">=", first), ("date", "<", last)],
                ["user_id"],
                ["__count"],
            )
        }

    @api.model
    def _recommendations(self, start, end, butlers):
        Recommendation = self.env["property.service.recommendation"]
        if not Recommendation.has_access("read"):
            return {}
        result = defaultdict(lambda: {"recommendations": 0, "accepted": 0})
        for user, state, count in Recommendation._read_group(
            [("user_id", "in", butlers.ids), ("date", ">=", start), ("date", "<", end)],
            ["user_id", "state"],
            ["__count"],
        ):
            result[user.id]["recommendations"] += count
            if state == "accepted":
                result[user.id]["accepted"] += count
        return result

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "property_butler_scorecard.property_scorecard_report_action"
        ).report_action(self)
