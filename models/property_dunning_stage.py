from odoo import fields, models


class PropertyDunningStage(models.Model):
    _name = "property.dunning.stage"
    _description = "Dunning Stage"

    name = fields.Char()
