from odoo import fields, models


class PropertyFeeType(models.Model):
    _inherit = "property.fee.type"

    computation = fields.Selection(
        selection_add=[("custody", "Home Custody Contract")],
        ondelete={"custody": "cascade"},
    )
