from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    property_prepayment = fields.Boolean(
        string="Fee Prepayment",
        readonly=True,
        copy=False,
        help="Fees paid in advance: left open on the customer, it pays his next fee invoices "
        "as they are confirmed.",
    )
    property_unit_id = fields.Many2one(
        "property.unit", string="Prepaid Unit", readonly=True, copy=False, index="btree_not_null"
    )
