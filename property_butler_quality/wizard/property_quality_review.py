from datetime import date

from odoo import api, fields, models

from odoo.addons.property_butler_ticket.models.property_ticket_callback import (
    RATE_FIELDS,
    SCORE_FIELDS,
)

# The order of the nine targets of S1 1.2.
TARGET_KEYS = (
    "satisfaction",
    "paid_services",
    "major_complaints",
    "training",
    "archives",
    "collection",
    "budget",
    "ideas",
    "major_incidents",
)


class PropertyQualityReview(models.TransientModel):
    """The nine quality targets of the department (S1 1.2), target against actual for each
    project and a year, as far as the suite measures them: satisfaction of the callbacks,
    kinds of paid service sold, major complaints, the training pass rate, the collection rate,
    spending against the yearly budget, adopted improvement ideas, major safety incidents and
    archive compliance (the files complete).

    Every figure is read under the user's own access rights, a fixed number of grouped
    queries whatever the number of projects."""

    _name = "property.quality.review"
    _description = "Quality Targets"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    project_ids = fields.Many2many(
        "property.project", string="Projects", help="Empty: every project you can see."
    )
    review_html = fields.Html(string="Review", compute="_compute_review_html", sanitize=False)

    @api.depends("year", "project_ids")
    @api.depends_context("lang")
    def _compute_review_html(self):
        for review in self:
            values = review._review_values()
            review.review_html = self.env["ir.qweb"]._render(
                "property_butler_quality.property_quality_review_table", values
            )

    def _projects(self):
        self.ensure_one()
        return self.project_ids or self.env["property.project"].search(
            [("company_id", "in", self.env.companies.ids)]
        )

    def _review_values(self):
        self.ensure_one()
        projects = self._projects()
        year = self.year if 2000 <= (self.year or 0) <= 2100 else fields.Date.today().year
        return {
            "year": year,
            "projects": projects,
            "rows": self._rows(year, projects),
            "company": self.env.company,
        }

    # ------------------------------------------------------------------
    # The figures: {project id: {key: value}}, one grouped query (or two) per target
    # ------------------------------------------------------------------
    @api.model
    def _year_bounds(self, year):
        return date(year, 1, 1), date(year, 12, 31)

    @api.model
    def _figures(self, year, projects):
        start, end = self._year_bounds(year)
        figures = {project.id: {} for project in projects}
        for method in (
            self._satisfaction_figures,
            self._paid_service_figures,
            self._complaint_figures,
            self._training_figures,
            self._archive_figures,
            self._collection_figures,
            self._budget_figures,
            self._idea_figures,
            self._incident_figures,
        ):
            for project_id, values in method(start, end, projects).items():
                if project_id in figures:
                    figures[project_id].update(values)
        return figures

    @api.model
    def _satisfaction_figures(self, start, end, projects):
        Callback = self.env["property.ticket.callback"]
        if not Callback.has_access("read"):
            return {}
        scores = [f"{RATE_FIELDS[name]}:sum" for name in SCORE_FIELDS]
        sums = {}
        for unit, count, total, *items in Callback._read_group(
            [
                ("state", "=", "done"),
                ("date_done", ">=", start),
                ("date_done", "<=", end),
                ("ticket_id.project_id", "in", projects.ids),
            ],
            ["unit_id"],
            ["__count", "satisfaction:sum", *scores],
        ):
            acc = sums.setdefault(unit.project_id.id, [0, 0.0, [0.0] * len(SCORE_FIELDS)])
            acc[0] += count
            acc[1] += total or 0.0
            acc[2] = [a + (b or 0.0) for a, b in zip(acc[2], items, strict=True)]
        return {
            project_id: {
                "satisfaction": total / count,
                "lowest_item": min(item / count for item in items),
                "callbacks": count,
            }
            for project_id, (count, total, items) in sums.items()
            if count
        }

    @api.model
    def _paid_service_figures(self, start, end, projects):
        """Kinds of paid service (products) sold on the tickets received in the year, and in the
        year before."""
        Line = self.env["property.ticket.line"]
        if not Line.has_access("read"):
            return {}
        before = start.replace(year=start.year - 1)
        kinds = {}
        for ticket, product in Line._read_group(
            [
                ("product_id", "!=", False),
                ("ticket_id.project_id", "in", projects.ids),
                ("ticket_id.date_received", ">=", before),
                ("ticket_id.date_received", "<", date(end.year + 1, 1, 1)),
            ],
            ["ticket_id", "product_id"],
        ):
            this_year = ticket.date_received.date() >= start
            kinds.setdefault(ticket.project_id.id, (set(), set()))[0 if this_year else 1].add(
                product.id
            )
        return {
            project_id: {"paid_services": len(now), "paid_services_before": len(then)}
            for project_id, (now, then) in kinds.items()
        }

    @api.model
    def _complaint_figures(self, start, end, projects):
        Ticket = self.env["property.ticket"]
        if not Ticket.has_access("read"):
            return {}
        return {
            project.id: {"major_complaints": count}
            for project, count in Ticket._read_group(
                [
                    ("kind", "=", "complaint"),
                    ("is_major", "=", True),
                    ("project_id", "in", projects.ids),
                    ("date_received", ">=", start),
                    ("date_received", "<", date(end.year + 1, 1, 1)),
                ],
                ["project_id"],
                ["__count"],
            )
        }

    @api.model
    def _training_figures(self, start, end, projects):
        Attendance = self.env["property.training.attendance"]
        if not Attendance.has_access("read"):
            return {}
        rates = self.env["property.training.session"]._pass_rate(
            start, date(end.year + 1, 1, 1), [("project_id", "in", projects.ids)]
        )
        return {
            project_id: {"training": 100.0 * passed / taken, "exams": taken}
            for project_id, (passed, taken) in rates.items()
            if taken
        }

    @api.model
    def _archive_figures(self, start, end, projects):
        """The files complete today (archives are kept, not counted per year)."""
        Archive = self.env["property.archive"]
        if not Archive.has_access("read"):
            return {}
        return {
            project_id: {"archives": 100.0 * complete / total, "files": total}
            for project_id, (complete, total) in Archive._compliance(
                [("project_id", "in", projects.ids)]
            ).items()
            if total
        }

    @api.model
    def _collection_figures(self, start, end, projects):
        Collection = self.env["property.collection.report"]
        if not Collection.has_access("read"):
            return {}
        rates = Collection._rates(
            [("period", ">=", start), ("period", "<=", end), ("project_id", "in", projects.ids)],
            "project_id",
        )
        return {
            project.id: {"collection": 100 * rate["rate"]}
            for project, rate in rates.items()
            if project
        }

    @api.model
    def _budget_figures(self, start, end, projects):
        Budget = self.env["property.budget"]
        if not Budget.has_access("read"):
            return {}
        return {
            budget.project_id.id: {
                "budget": budget.amount_budget,
                "spent": budget.amount_spent,
                "spent_ratio": budget.spent_ratio,
                "within_budget": budget.within_budget,
            }
            for budget in Budget.search(
                [("project_id", "in", projects.ids), ("year", "=", start.year)]
            )
        }

    @api.model
    def _idea_figures(self, start, end, projects):
        Idea = self.env["property.improvement.idea"]
        if not Idea.has_access("read"):
            return {}
        return {
            project.id: {"ideas": count}
            for project, count in Idea._read_group(
                [
                    ("state", "=", "adopted"),
                    ("project_id", "in", projects.ids),
                    ("date_adopted", ">=", start),
                    ("date_adopted", "<=", end),
                ],
                ["project_id"],
                ["__count"],
            )
        }

    @api.model
    def _incident_figures(self, start, end, projects):
        Incident = self.env["property.incident"]
        if not Incident.has_access("read"):
            return {}
        return {
            project.id: {"major_incidents": count}
            for project, count in Incident._read_group(
                [
                    ("is_major_safety", "=", True),
                    ("project_id", "in", projects.ids),
                    ("date", ">=", start),
                    ("date", "<", date(end.year + 1, 1, 1)),
                ],
                ["project_id"],
                ["__count"],
            )
        }

    # ------------------------------------------------------------------
    # The rows shown: per project, each target with its actual and whether it is met
    # ------------------------------------------------------------------
    @api.model
    def _rows(self, year, projects):
        """{project: [row]} with row = {key, name, target, actual, met (True, False or None
        when not measured)}."""
        company = self.env.company
        figures = self._figures(year, projects)
        return {project: self._project_rows(company, figures[project.id]) for project in projects}

    @api.model
    def _project_rows(self, company, values):
        sat_target = company.property_satisfaction_target
        item_target = company.property_satisfaction_item_target
        paid_target = company.property_paid_service_target
        complaint_limit = company.property_major_complaint_target
        collection_target = self.env["property.collection.report"]._target() * 100
        idea_target = company.property_idea_target
        incident_limit = company.property_major_incident_target
        rows = {}

        if "satisfaction" in values:
            sat, lowest = values["satisfaction"], values["lowest_item"]
            rows["satisfaction"] = (
                self.env._("%(rate).1f %% (lowest item %(item).1f %%)", rate=sat, item=lowest),
                sat >= sat_target - 1e-9 and lowest >= item_target - 1e-9,
            )
        else:
            rows["satisfaction"] = (self.env._("No callback yet"), None)
        now = values.get("paid_services", 0)
        before = values.get("paid_services_before", 0)
        rows["paid_services"] = (
            self.env._("%(now)s kinds (%(before)s the year before)", now=now, before=before),
            now >= paid_target and (not before or now > before),
        )
        complaints = values.get("major_complaints", 0)
        rows["major_complaints"] = (str(complaints), complaints <= complaint_limit)
        if "training" in values:
            rows["training"] = (
                self.env._(
                    "%(rate).1f %% of %(exams)s exams passed",
                    rate=values["training"],
                    exams=values["exams"],
                ),
                values["training"] >= 100 - 1e-9,
            )
        else:
            rows["training"] = (self.env._("No exam yet"), None)
        if "archives" in values:
            rows["archives"] = (
                self.env._(
                    "%(rate).1f %% of %(files)s files complete",
                    rate=values["archives"],
                    files=values["files"],
                ),
                values["archives"] >= 100 - 1e-9,
            )
        else:
            rows["archives"] = (self.env._("No archive file yet"), None)
        if "collection" in values:
            rows["collection"] = (
                f"{values['collection']:.1f} %",
                values["collection"] >= collection_target - 1e-9,
            )
        else:
            rows["collection"] = (self.env._("Nothing billed"), None)
        if "budget" in values:
            spent = "{:,.0f}".format(values["spent"])
            budget = "{:,.0f}".format(values["budget"])
            ratio = values["spent_ratio"]
            rows["budget"] = (
                self.env._(
                    "%(spent)s of %(budget)s (%(ratio).0f %%)",
                    spent=spent,
                    budget=budget,
                    ratio=ratio,
                ),
                values["within_budget"],
            )
        else:
            rows["budget"] = (self.env._("No budget entered"), None)
        ideas = values.get("ideas", 0)
        rows["ideas"] = (str(ideas), ideas >= idea_target)
        incidents = values.get("major_incidents", 0)
        rows["major_incidents"] = (str(incidents), incidents <= incident_limit)

        names = {
            "satisfaction": (
                self.env._("Residents' satisfaction"),
                self.env._(
                    "≥ %(rate)s %%, no item below %(item)s %%", rate=sat_target, item=item_target
                ),
            ),
            "paid_services": (
                self.env._("Kinds of paid service"),
                self.env._("≥ %s, one more each year", paid_target),
            ),
            "major_complaints": (
                self.env._("Major complaints"),
                self.env._("≤ %s a year", complaint_limit),
            ),
            "training": (self.env._("Training pass rate"), "100 %"),
            "archives": (self.env._("Archive compliance"), "100 %"),
            "collection": (
                self.env._("Management fee collection rate"),
                f"≥ {collection_target:.0f} %",
            ),
            "budget": (self.env._("Spending"), self.env._("Within the budget")),
            "ideas": (
                self.env._("Adopted improvement ideas"),
                self.env._("≥ %s a year", idea_target),
            ),
            "major_incidents": (
                self.env._("Major safety incidents"),
                self.env._("≤ %s a year", incident_limit),
            ),
        }
        return [
            {
                "key": key,
                "name": names[key][0],
                "target": names[key][1],
                "actual": rows[key][0],
                "met": rows[key][1],
            }
            for key in TARGET_KEYS
        ]

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "property_butler_quality.property_quality_review_report_action"
        ).report_action(self)
