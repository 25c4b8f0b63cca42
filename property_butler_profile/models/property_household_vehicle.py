import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A Chinese plate: province character, letter, then 5 (6 for new-energy) letters or digits,
# written with or without the separating dot (粤A·12345, 粤AD12345).
PLATE = re.compile(r"^[\u4e00-\u9fff][A-Z][·\s]?[A-Z0-9]{5,6}$")


def normalize_plate(plate):
    return re.sub(r"\s+", "", (plate or "").upper().replace("．", "·").replace(".", "·"))


class PropertyHouseholdVehicle(models.Model):
    """A vehicle of the household (its plate), for the guards at the car park gate."""

    _name = "property.household.vehicle"
    _description = "Household Vehicle"
    _order = "household_id, id"

    household_id = fields.Many2one(
        "property.household", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="household_id.company_id", store=True, index=True)
    plate = fields.Char(required=True)
    description = fields.Char(help="Make, model, colour.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "plate" in vals:
                vals["plate"] = normalize_plate(vals["plate"])
        return super().create(vals_list)

    def write(self, vals):
        if "plate" in vals:
            vals["plate"] = normalize_plate(vals["plate"])
        return super().write(vals)

    @api.constrains("plate")
    def _check_plate(self):
        for vehicle in self:
            if not PLATE.match(vehicle.plate or ""):
                raise ValidationError(
                    self.env._(
                        "%(plate)s is not a plate number such as 粤A·12345.", plate=vehicle.plate
                    )
                )
