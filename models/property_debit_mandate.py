from odoo import fields, models


class PropertyDebitMandate(models.Model):
    _name = "property.debit.mandate"
    _description = "Bank Auto-Debit Mandate"

    name = fields.Char()
