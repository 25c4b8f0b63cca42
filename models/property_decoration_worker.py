from odoo import fields, models


class PropertyDecorationWorker(models.Model):
    _name = "property.decoration.worker"
    _description = "Decoration Worker"

    name = fields.Char()
