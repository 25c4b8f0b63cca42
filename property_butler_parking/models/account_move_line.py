from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    property_parking_contract_id = fields.Many2one(
        "property.parking.contract",
        string="Parking Contract",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        groups="base.group_user",
    )
