from odoo import api, models


class PropertyPatrolPlan(models.Model):
    _inherit = "property.patrol.plan"

    @api.model
    def _intensified_project_ids(self, projects):
        """While a storm alert is active for a project, its key areas are patrolled twice as
        often."""
        return super()._intensified_project_ids(projects) + (
            self.env["property.storm.alert"]._active_for_projects(projects).ids
        )
