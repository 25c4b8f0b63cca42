from odoo import api, models

# Unit types people live in: only these get the monthly vacant-flat inspection (water, power and
# gas off, no cracks...) and the guards' pass of each shift, not parking spaces, storage rooms or
# shops.
DWELLING_UNIT_TYPES = ("residential",)


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    @api.model
    def _property_empty_domain(self):
        """Empty flats (空置房, S0 六 and 3.4): nobody lives there, whether the owner lives
        elsewhere (vacant), it was never sold (unsold) or it is being decorated with nobody
        living in it yet. Parking spaces, storage rooms and shops are no flats."""
        living = [
            *self.env["property.occupancy"]._current_domain(),
            ("resides", "=", True),
        ]
        return [
            ("unit_type", "in", DWELLING_UNIT_TYPES),
            "|",
            ("state", "in", ("vacant", "unsold")),
            "&",
            ("state", "=", "decorating"),
            ("occupancy_ids", "not any", living),
        ]
