from odoo import fields, models


class PropertyOccupancy(models.Model):
    _inherit = "property.occupancy"

    def _on_move_out(self):
        """A flat whose last resident moved out is empty from today: it gets this month's
        vacant-unit inspection now, not on the 1st of next month (S0 六)."""
        res = super()._on_move_out()
        units = self.unit_id
        if units:
            # The daily status refresh calls this before it recomputes the status.
            self.env.add_to_compute(units._fields["state"], units)
            self.env["property.inspection"]._create_vacant_unit_inspections(
                units, fields.Date.context_today(self)
            )
        return res
