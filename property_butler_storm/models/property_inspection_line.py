from odoo import models


class PropertyInspectionLine(models.Model):
    _inherit = "property.inspection.line"

    def _raise_findings(self):
        """During a storm alert the problems found by inspections are urgent (S0 3.6.4)."""
        return super(
            PropertyInspectionLine, self.with_context(property_storm_findings=True)
        )._raise_findings()
