from odoo import fields, models


class PropertyDebitImport(models.TransientModel):
    _name = "property.debit.import"
    _description = "Import a Bank Auto-Debit Result File"

    name = fields.Char()
