from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.property_unit import UNIT_TYPES


class PropertyUnitGenerate(models.TransientModel):
    """Create a building's units from floors × units per floor in one go."""

    _name = "property.unit.generate"
    _description = "Generate Units"

    building_id = fields.Many2one("property.building", required=True)
    floor_from = fields.Integer(string="From Floor", default=1, required=True)
    floor_to = fields.Integer(string="To Floor", required=True)
    units_per_floor = fields.Integer(required=True)
    number_digits = fields.Integer(
        string="Digits per Unit",
        default=2,
        required=True,
        help="Unit numbers are the floor followed by the position on the floor: "
        "with 2 digits, floor 15 position 2 is 1502.",
    )
    unit_type = fields.Selection(UNIT_TYPES, string="Type", required=True, default="residential")
    area = fields.Float(string="Gross Area (m²)", digits=(10, 2), required=True)
    preview = fields.Text(compute="_compute_preview")

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.floor_to = self.building_id.floor_count
            self.units_per_floor = self.building_id.units_per_floor

    def _numbers(self):
        self.ensure_one()
        for floor in range(self.floor_from, self.floor_to + 1):
            if floor == 0:
                continue
            prefix = f"B{-floor}" if floor < 0 else str(floor)
            for position in range(1, self.units_per_floor + 1):
                yield floor, f"{prefix}{position:0{self.number_digits}d}"

    @api.depends("building_id", "floor_from", "floor_to", "units_per_floor", "number_digits")
    def _compute_preview(self):
        for wizard in self:
            if (
                not wizard.building_id
                or wizard.floor_to < wizard.floor_from
                or wizard.units_per_floor <= 0
            ):
                wizard.preview = False
                continue
            numbers = [number for _floor, number in wizard._numbers()]
            sample = ", ".join(numbers[:4] + (["…", numbers[-1]] if len(numbers) > 4 else []))
            wizard.preview = self.env._(
                "%(count)s units: %(sample)s", count=len(numbers), sample=sample
            )

    def action_generate(self):
        self.ensure_one()
        if self.floor_to < self.floor_from:
            raise ValidationError(self.env._("The last floor must not be below the first floor."))
        if self.units_per_floor <= 0 or self.number_digits <= 0:
            raise ValidationError(
                self.env._("Units per floor and digits per unit must be positive.")
            )
        if self.units_per_floor >= 10**self.number_digits:
            raise ValidationError(
                self.env._(
                    "%(count)s units per floor do not fit in %(digits)s digit(s).",
                    count=self.units_per_floor,
                    digits=self.number_digits,
                )
            )
        existing = set(self.building_id.with_context(active_test=False).unit_ids.mapped("number"))
        vals_list = [
            {
                "building_id": self.building_id.id,
                "floor": floor,
                "number": number,
                "unit_type": self.unit_type,
                "area": self.area,
            }
            for floor, number in self._numbers()
            if number not in existing
        ]
        if not vals_list:
            raise UserError(
                self.env._(
                    "All these units already exist in building %s.", self.building_id.display_name
                )
            )
        units = self.env["property.unit"].create(vals_list)
        action = self.building_id.action_view_units()
        action["domain"] = [("id", "in", units.ids)]
        return action
