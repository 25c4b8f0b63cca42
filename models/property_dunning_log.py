from odoo import fields, models


class PropertyDunningLog(models.Model):
    _name = "property.dunning.log"
    _description = "Dunning Log Entry"

    name = fields.Char()
