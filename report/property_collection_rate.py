from odoo import api, fields, models
from odoo.tools import SQL

LEVELS = [("project", "Project"), ("cluster", "Cluster"), ("grid", "Grid")]

# A project row is the sum of its clusters and grids: grouping rows of every level together
# must count each amount once (see _read_group_select).
SUMMED = ("billed", "collected", "ytd_billed", "ytd_collected")
RATES = {"rate": ("collected", "billed"), "ytd_rate": ("ytd_collected", "ytd_billed")}


class PropertyCollectionRate(models.Model):
    """Collection rate per project, cluster and grid and month, and year to date, against the
    company's target (seed 001: 95 %): one row per level, those below target flagged."""

    _name = "property.collection.rate"
    _description = "Collection Rate by Grid"
    _auto = False
    _order = "period desc, project_id, level_sequence, cluster_id, grid_id"

    level = fields.Selection(LEVELS, readonly=True)
    level_sequence = fields.Integer(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    cluster_id = fields.Many2one("property.cluster", readonly=True)
    grid_id = fields.Many2one("property.grid", readonly=True)
    period = fields.Date(readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    billed = fields.Monetary(readonly=True, aggregator="sum")
    collected = fields.Monetary(readonly=True, aggregator="sum")
    rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Collected ÷ billed, of the fee invoices of the month.",
    )
    ytd_billed = fields.Monetary(string="Billed YTD", readonly=True, aggregator="sum")
    ytd_collected = fields.Monetary(string="Collected YTD", readonly=True, aggregator="sum")
    ytd_rate = fields.Float(
        string="Rate YTD (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Collected ÷ billed, of the fee invoices from January to the month.",
    )
    target = fields.Float(string="Target (%)", readonly=True, aggregator="max", digits=(16, 1))
    below_target = fields.Boolean(readonly=True)
    ytd_below_target = fields.Boolean(string="Below Target YTD", readonly=True)

    @property
    def _table_query(self):
        lines = self.env["property.collection.report"]._table_query
        return f"""
            WITH lines AS ({lines}),
            grouped AS (
                SELECT l.company_id, l.project_id, l.cluster_id, l.grid_id, l.period,
                       l.currency_id,
                       GROUPING(l.cluster_id) AS no_cluster,
                       GROUPING(l.grid_id) AS no_grid,
                       SUM(l.billed) AS billed,
                       SUM(l.collected) AS collected
                  FROM lines l
              GROUP BY l.company_id, l.period, l.currency_id, l.project_id,
                       GROUPING SETS ((), (l.cluster_id), (l.cluster_id, l.grid_id))
            ),
            levelled AS (
                SELECT g.*,
                       CASE WHEN g.no_cluster = 1 THEN 'project'
                            WHEN g.no_grid = 1 THEN 'cluster'
                            ELSE 'grid' END AS level,
                       CASE WHEN g.no_cluster = 1 THEN 1
                            WHEN g.no_grid = 1 THEN 2
                            ELSE 3 END AS level_sequence,
                       SUM(g.billed) OVER ytd AS ytd_billed,
                       SUM(g.collected) OVER ytd AS ytd_collected
                  FROM grouped g
                WINDOW ytd AS (
                    PARTITION BY g.no_cluster, g.no_grid, g.company_id, g.currency_id,
                                 g.project_id, g.cluster_id, g.grid_id,
                                 date_trunc('year', g.period)
                    ORDER BY g.period
                )
            )
            SELECT row_number() OVER (
                       ORDER BY v.period, v.company_id, v.project_id, v.level_sequence,
                                v.cluster_id, v.grid_id
                   ) AS id,
                   v.level, v.level_sequence, v.company_id, v.project_id, v.cluster_id,
                   v.grid_id, v.period, v.currency_id, v.billed, v.collected,
                   COALESCE(v.collected * 100.0 / NULLIF(v.billed, 0), 100.0) AS rate,
                   v.ytd_billed, v.ytd_collected,
                   COALESCE(v.ytd_collected * 100.0 / NULLIF(v.ytd_billed, 0), 100.0)
                       AS ytd_rate,
                   COALESCE(c.property_collection_target, 95.0) AS target,
                   COALESCE(v.collected * 100.0 / NULLIF(v.billed, 0), 100.0)
                       < COALESCE(c.property_collection_target, 95.0) - 0.0000001
                       AS below_target,
                   COALESCE(v.ytd_collected * 100.0 / NULLIF(v.ytd_billed, 0), 100.0)
                       < COALESCE(c.property_collection_target, 95.0) - 0.0000001
                       AS ytd_below_target
              FROM levelled v
              JOIN res_company c ON c.id = v.company_id
        """

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Amounts of a group summed over its rows of the finest level it holds (grid rows
        when there are, each amount once); rates weighted by the amounts (Σ collected ÷
        Σ billed), never an average of rates."""
        fname, __, func = models.parse_read_group_spec(aggregate_spec)
        if (fname in SUMMED and func == "sum") or (fname in RATES and func == "avg"):
            level = self._field_to_sql(self._table, "level", query)

            def total(field, lvl):
                return SQL(
                    "SUM(%s) FILTER (WHERE %s = %s)",
                    self._field_to_sql(self._table, field, query),
                    level,
                    lvl,
                )

            def finest(field):
                return SQL(
                    "COALESCE(%s, %s, %s)",
                    *(total(field, lvl) for lvl in ("grid", "cluster", "project")),
                )

            if fname in SUMMED:
                return finest(fname)
            collected, billed = RATES[fname]
            return SQL(
                "COALESCE(%s * 100.0 / NULLIF(%s, 0), 100.0)", finest(collected), finest(billed)
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.depends("level", "project_id", "cluster_id", "grid_id", "period")
    def _compute_display_name(self):
        for row in self:
            record = {"grid": row.grid_id, "cluster": row.cluster_id}.get(row.level)
            name = (record or row.project_id).display_name or ""
            row.display_name = f"{name} {row.period.strftime('%Y-%m')}" if row.period else name
