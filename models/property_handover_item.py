from odoo import fields, models


class PropertyHandoverItem(models.Model):
    _name = "property.handover.item"
    _description = "Handover Item"

    name = fields.Char()
