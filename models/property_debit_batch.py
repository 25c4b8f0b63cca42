from odoo import fields, models


class PropertyDebitBatch(models.Model):
    _name = "property.debit.batch"
    _description = "Bank Auto-Debit List"

    name = fields.Char()
