from odoo import api, fields, models

# Management-fee collection rate target (seed 001): at least 95 % of what is billed is collected.
COLLECTION_TARGET = 0.95


class PropertyCollectionReport(models.Model):
    """Collection rate: what was billed and what was collected, per posted fee invoice line.

    The collected amount of a line is its share of its invoice's payments: billed × the paid
    share of the invoice (1 − residual / total)."""

    _name = "property.collection.report"
    _description = "Collection Rate"
    _auto = False
    _order = "period desc, unit_id"
    _rec_name = "unit_id"

    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    cluster_id = fields.Many2one("property.cluster", readonly=True)
    grid_id = fields.Many2one("property.grid", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Billing Contact", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    fee_type_id = fields.Many2one("property.fee.type", string="Fee", readonly=True)
    period = fields.Date(readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    billed = fields.Monetary(readonly=True, aggregator="sum")
    collected = fields.Monetary(readonly=True, aggregator="sum")
    outstanding = fields.Monetary(readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        # A query rather than a view created in init(): the view would need the columns that
        # this module adds to account.move.line, which may not exist yet when init() runs.
        return """
            SELECT l.id AS id,
                   m.company_id AS company_id,
                   u.project_id AS project_id,
                   u.cluster_id AS cluster_id,
                   u.grid_id AS grid_id,
                   l.property_unit_id AS unit_id,
                   m.partner_id AS partner_id,
                   m.id AS move_id,
                   l.property_fee_type_id AS fee_type_id,
                   m.property_period AS period,
                   m.currency_id AS currency_id,
                   l.price_total AS billed,
                   l.price_total
                       * (1 - COALESCE(m.amount_residual / NULLIF(m.amount_total, 0), 0))
                       AS collected,
                   l.price_total * COALESCE(m.amount_residual / NULLIF(m.amount_total, 0), 0)
                       AS outstanding
              FROM account_move_line l
              JOIN account_move m ON m.id = l.move_id
              JOIN property_unit u ON u.id = l.property_unit_id
             WHERE m.state = 'posted'
               AND m.move_type = 'out_invoice'
               AND m.property_period IS NOT NULL
               AND l.display_type = 'product'
        """

    @api.model
    def _target(self):
        """Target as a fraction; the company's setting (if any) is in percent."""
        percent = getattr(self.env.company, "property_collection_target", None)
        return percent / 100 if percent else COLLECTION_TARGET

    @api.model
    def _rates(self, domain, groupby):
        """{key: {'billed', 'collected', 'rate', 'meets_target'}} grouped by `groupby` (a field
        of the report, e.g. 'grid_id', 'project_id', 'period:month'; False: one total, key
        False), in one grouped query. rate is a fraction (0.95 = 95 %)."""
        target = self._target()
        # The report reads account moves and lines in SQL: pending writes first.
        self.env.flush_all()
        groupby_list = [groupby] if groupby else []
        groups = self._read_group(domain, groupby_list, ["billed:sum", "collected:sum"])
        result = {}
        for group in groups:
            key = group[0] if groupby else False
            billed, collected = group[-2] or 0.0, group[-1] or 0.0
            rate = collected / billed if billed else 1.0
            result[key] = {
                "billed": billed,
                "collected": collected,
                "rate": rate,
                "meets_target": rate >= target - 1e-9,
            }
        return result

    @api.model
    def _period_rates(self, period, groupby, domain=None):
        """{'period': rates of the month `period`, 'ytd': rates from Jan 1 of its year to it}."""
        period = fields.Date.to_date(period).replace(day=1)
        domain = list(domain or [])
        return {
            "period": self._rates(domain + [("period", "=", period)], groupby),
            "ytd": self._rates(
                domain + [("period", ">=", period.replace(month=1)), ("period", "<=", period)],
                groupby,
            ),
        }
