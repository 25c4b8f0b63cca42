from odoo import api, fields, models


class PropertyGridAssignment(models.Model):
    """Which butler owned which unit, and when: the basis of per-butler KPIs."""

    _name = "property.grid.assignment"
    _description = "Butler Grid Assignment"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="cascade", check_company=True
    )
    grid_id = fields.Many2one(
        "property.grid", required=True, index=True, ondelete="cascade", check_company=True
    )
    butler_id = fields.Many2one("res.users", required=True, index=True, ondelete="restrict")
    date_start = fields.Datetime(string="From", required=True, default=fields.Datetime.now)
    date_end = fields.Datetime(string="Until", index=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True)
    cluster_id = fields.Many2one(related="unit_id.cluster_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    is_open = fields.Boolean(compute="_compute_is_open", string="Current")

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "An assignment cannot end before it starts.",
        ),
    ]

    def _compute_is_open(self):
        for assignment in self:
            assignment.is_open = not assignment.date_end

    @api.model
    def _close_open(self, units):
        """End the open assignments of ``units`` now."""
        if units:
            self.search([("unit_id", "in", units.ids), ("date_end", "=", False)]).write(
                {"date_end": fields.Datetime.now()}
            )

    @api.model
    def _open_for(self, units):
        """Start an assignment for each unit that is in a grid, with the grid's butler."""
        now = fields.Datetime.now()
        return self.create(
            [
                {
                    "unit_id": unit.id,
                    "grid_id": unit.grid_id.id,
                    "butler_id": unit.grid_id.butler_id.id,
                    "date_start": now,
                }
                for unit in units
                if unit.grid_id
            ]
        )

    @api.model
    def _butlers_at(self, units, moment):
        """Return {unit id: butler user} for the butler who owned each unit at ``moment``."""
        assignments = self.search(
            [
                ("unit_id", "in", units.ids),
                ("date_start", "<=", moment),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", moment),
            ],
            order="date_start",
        )
        return {assignment.unit_id.id: assignment.butler_id for assignment in assignments}
