from odoo import fields, models


class PropertyDunningCase(models.Model):
    _name = "property.dunning.case"
    _description = "Dunning Case"

    name = fields.Char()
