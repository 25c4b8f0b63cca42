from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    property_custody_contract_id = fields.Many2one(
        "property.custody.contract",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        groups="base.group_user",
    )
