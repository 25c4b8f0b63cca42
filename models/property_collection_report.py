from odoo import fields, models


class PropertyCollectionReport(models.Model):
    _name = "property.collection.report"
    _description = "Collection Rate"

    name = fields.Char()
