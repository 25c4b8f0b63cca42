from odoo import fields, models


class PropertyStormAlert(models.Model):
    _name = "property.storm.alert"
    _description = "Storm Alert"

    name = fields.Char()
