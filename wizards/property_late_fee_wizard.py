from odoo import fields, models


class PropertyLateFeeWizard(models.TransientModel):
    _name = "property.late.fee.wizard"
    _description = "Invoice Late Fees"

    name = fields.Char()
