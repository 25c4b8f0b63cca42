from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step
from odoo.addons.property_butler.models.property_project import DEFAULT_TZ


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_quality(self):
        """The demo project's budgets: last year's spent within it, this year's so far."""
        project = self._demo_project()
        Budget = self.env["property.budget"]
        if not project or Budget.search_count([("project_id", "=", project.id)], limit=1):
            return
        today = fields.Date.context_today(self.with_context(tz=DEFAULT_TZ))
        elapsed = today.timetuple().tm_yday / 365
        Budget.create(
            [
                {
                    "project_id": project.id,
                    "year": today.year - 1,
                    "amount_budget": 3_600_000,
                    "amount_spent": 3_452_800,
                    "note": "年度预算（已决算）",
                },
                {
                    "project_id": project.id,
                    "year": today.year,
                    "amount_budget": 3_800_000,
                    "amount_spent": round(3_800_000 * elapsed * 0.97, -2),
                    "note": "年度预算",
                },
            ]
        )
