from odoo import fields, models


class PropertyDunningReason(models.Model):
    _name = "property.dunning.reason"
    _description = "Dunning Reason"

    name = fields.Char()
