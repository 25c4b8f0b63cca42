from odoo import models


class PropertyPatrolCheckin(models.Model):
    _inherit = "property.patrol.checkin"

    def _raise_findings(self):
        """During a storm alert the findings of check-ins are urgent (S0 3.6.4)."""
        return super(
            PropertyPatrolCheckin, self.with_context(property_storm_findings=True)
        )._raise_findings()
