from odoo import fields, models


class PropertyFeeType(models.Model):
    _inherit = "property.fee.type"

    computation = fields.Selection(
        selection_add=[("parking_contract", "Parking Rental Contract")],
        ondelete={"parking_contract": "cascade"},
    )
