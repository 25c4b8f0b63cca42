from odoo import fields, models


class PropertyDebitLine(models.Model):
    _name = "property.debit.line"
    _description = "Bank Auto-Debit Line"

    name = fields.Char()
