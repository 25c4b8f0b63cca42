from odoo import fields, models


class PropertyDecorationCheck(models.Model):
    _name = "property.decoration.check"
    _description = "Decoration Patrol Check"

    name = fields.Char()
