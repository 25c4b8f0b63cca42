from odoo import fields, models, tools


class PropertyActivityYearly(models.Model):
    """Community activities held (approved) per project and year, against the company's yearly
    target (S1 4.1: 聯誼每年至少2次)."""

    _name = "property.activity.yearly"
    _description = "Community Activities per Project and Year"
    _auto = False
    _order = "year desc, project_id"

    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True)
    activity_count = fields.Integer(string="Activities", readonly=True)
    target = fields.Integer(readonly=True)
    missing = fields.Integer(string="Still to Hold", readonly=True)
    target_met = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # The year of an activity is that of its start in China (the product's time zone).
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH activity AS (
                    SELECT e.id, e.property_project_id AS project_id,
                           EXTRACT(YEAR FROM (e.date_begin AT TIME ZONE 'UTC')
                                   AT TIME ZONE 'Asia/Shanghai')::int AS year
                      FROM event_event e
                     WHERE e.property_project_id IS NOT NULL
                       AND e.property_state = 'approved'
                ), years AS (
                    SELECT EXTRACT(YEAR FROM (now() AT TIME ZONE 'Asia/Shanghai'))::int AS year
                    UNION SELECT year FROM activity
                )
                SELECT p.id * 10000 + y.year AS id,
                       p.id AS project_id,
                       p.company_id,
                       y.year,
                       COUNT(a.id) AS activity_count,
                       COALESCE(c.property_activities_per_year, 0) AS target,
                       GREATEST(COALESCE(c.property_activities_per_year, 0) - COUNT(a.id), 0)
                           AS missing,
                       COUNT(a.id) >= COALESCE(c.property_activities_per_year, 0) AS target_met
                  FROM property_project p
                  JOIN res_company c ON c.id = p.company_id
                 CROSS JOIN years y
                  LEFT JOIN activity a ON a.project_id = p.id AND a.year = y.year
                 WHERE p.active
                 GROUP BY p.id, p.company_id, y.year, c.property_activities_per_year
            )
            """
        )
