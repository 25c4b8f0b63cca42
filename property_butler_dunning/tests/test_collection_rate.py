from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.property_butler_billing.tests.common_billing import BillingCase


@tagged("post_install", "-at_install")
class TestCollectionRate(BillingCase):
    """Collection Rate menu: % per project, cluster and grid, month and year to date, vs target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._two_grids_billed()
        Billing = cls.env["property.billing"]
        with freeze_time("2026-01-01"):
            cls.january = Billing._bill_period(date(2026, 1, 1), cls.project)
            cls.january.action_post()
        with freeze_time("2026-02-01"):
            cls.february = Billing._bill_period(date(2026, 2, 1), cls.project)
            cls.february.action_post()
        mine = cls.january.filtered(lambda m: m.partner_id == cls.owner)
        cls.late = cls.january - mine
        paid_on = date(2026, 2, 20)
        cls._pay(mine | cls.february, day=paid_on)
        cls._pay(cls.late, amount=cls.late.amount_total / 2, day=paid_on)
        cls.Rate = cls.env["property.collection.rate"]

    def _row(self, level, period, **keys):
        domain = [("level", "=", level), ("period", "=", period)]
        domain += [(f, "=", rec.id) for f, rec in keys.items()]
        row = self.Rate.search(domain + [("project_id", "=", self.project.id)])
        self.assertEqual(len(row), 1, f"one {level} row for {keys} in {period}")
        return row

    def test_rates_per_level_month_and_year_to_date_against_target(self):
        self.assertEqual(self.company.property_collection_target, 95.0)
        jan, feb = date(2026, 1, 1), date(2026, 2, 1)
        late_feb = self.february.filtered(lambda m: m.partner_id == self.other_owner)
        grid_jan = self._row("grid", jan, grid_id=self.grid)
        self.assertAlmostEqual(grid_jan.rate, 100.0)
        self.assertFalse(grid_jan.below_target)
        late_jan = self._row("grid", jan, grid_id=self.grid_b)
        self.assertAlmostEqual(late_jan.rate, 50.0, places=1)
        self.assertTrue(late_jan.below_target)
        self.assertEqual(late_jan.target, 95.0)
        # February paid in full, but the year to date still lags behind.
        late_feb_row = self._row("grid", feb, grid_id=self.grid_b)
        self.assertAlmostEqual(late_feb_row.rate, 100.0)
        self.assertFalse(late_feb_row.below_target)
        ytd = (self.late.amount_total / 2 + late_feb.amount_total) / (
            self.late.amount_total + late_feb.amount_total
        )
        self.assertAlmostEqual(late_feb_row.ytd_rate, ytd * 100, places=2)
        self.assertTrue(late_feb_row.ytd_below_target)
        # Cluster and project: amounts of both grids, rate weighted by them.
        billed = sum(self.january.mapped("amount_total"))
        collected = billed - self.late.amount_total / 2
        for level, keys in (("cluster", {"cluster_id": self.cluster}), ("project", {})):
            row = self._row(level, jan, **keys)
            self.assertAlmostEqual(row.billed, billed)
            self.assertAlmostEqual(row.collected, collected, places=2)
            self.assertAlmostEqual(row.rate, collected * 100 / billed, places=2)
            self.assertTrue(row.below_target)

    def test_grouped_rates_count_each_amount_once(self):
        """Pivot, graph and grouped list mix rows of every level: still each amount once."""
        billed = sum((self.january | self.february).mapped("amount_total"))
        collected = billed - self.late.amount_total / 2
        domain = [("project_id", "=", self.project.id)]
        [(project, total, got, rate)] = self.Rate._read_group(
            domain, ["project_id"], ["billed:sum", "collected:sum", "rate:avg"]
        )
        self.assertEqual(project, self.project)
        self.assertAlmostEqual(total, billed)
        self.assertAlmostEqual(got, collected, places=2)
        self.assertAlmostEqual(rate, collected * 100 / billed, places=2)
        # The graph's default: the rate by month (January below, February in full).
        by_month = dict(self.Rate._read_group(domain, ["period:month"], ["rate:avg"]))
        january = sum(self.january.mapped("amount_total"))
        self.assertAlmostEqual(
            by_month[date(2026, 1, 1)], (january - self.late.amount_total / 2) * 100 / january
        )
        self.assertAlmostEqual(by_month[date(2026, 2, 1)], 100.0)
        # Grouped by grid (only grid rows have one): the grid's own rate.
        by_grid = dict(self.Rate._read_group(domain, ["grid_id"], ["rate:avg"]))
        self.assertAlmostEqual(by_grid[self.grid], 100.0)
        self.assertLess(by_grid[self.grid_b], 95.0)
        # Only the rows below target under the filter, at every level.
        below = self.Rate.search(domain + [("below_target", "=", True)])
        self.assertEqual(set(below.mapped("level")), {"grid", "cluster", "project"})
        self.assertEqual(set(below.mapped("period")), {date(2026, 1, 1)})
