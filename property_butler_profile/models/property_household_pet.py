from odoo import fields, models

PET_KINDS = [("dog", "Dog"), ("cat", "Cat"), ("other", "Other")]


class PropertyHouseholdPet(models.Model):
    """A pet of the household (dogs must be registered and leashed in the estate)."""

    _name = "property.household.pet"
    _description = "Household Pet"
    _order = "household_id, id"

    household_id = fields.Many2one(
        "property.household", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="household_id.company_id", store=True, index=True)
    kind = fields.Selection(PET_KINDS, required=True, default="dog")
    name = fields.Char(string="Name or Description")
