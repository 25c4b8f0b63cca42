from odoo import fields, models


class PropertyStormTask(models.Model):
    _name = "property.storm.task"
    _description = "Storm Checklist Task"

    name = fields.Char()
