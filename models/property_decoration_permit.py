from odoo import fields, models


class PropertyDecorationPermit(models.Model):
    _name = "property.decoration.permit"
    _description = "Decoration Permit"

    name = fields.Char()
