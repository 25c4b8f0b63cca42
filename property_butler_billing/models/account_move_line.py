from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    property_unit_id = fields.Many2one("property.unit", string="Unit", index="btree_not_null")
    property_fee_type_id = fields.Many2one("property.fee.type", string="Fee")
    property_period = fields.Date(
        string="Fee Period", help="First day of the month whose statement bills the line."
    )
    property_date_from = fields.Date(
        string="Billed From", help="First day billed: a cycle is billed in advance."
    )
    property_date_to = fields.Date(string="Billed Until", help="Last day billed (inclusive).")
    # What the fee was computed from, printed on the statement as quantity × rate.
    property_quantity = fields.Float(
        string="Billed Quantity",
        digits=(12, 3),
        help="Gross area (m²), meter reading or 1 (per unit, per space) the fee was billed on.",
    )
    property_rate = fields.Float(
        string="Fee Rate", digits="Product Price", help="Price per m², per unit or per reading."
    )
    property_basis = fields.Char(
        string="Fee Basis", help="The computation, e.g. 98.5 × 2.5 × 20/30 when prorated."
    )

    property_credited_line_id = fields.Many2one(
        "account.move.line",
        string="Credits",
        index="btree_not_null",
        ondelete="set null",
        help="The fee line billed in advance whose days not due any more this line credits.",
    )

    def init(self):  # pylint: disable=missing-return
        super().init()
        # A unit's fee of a month is billed once to each billing contact: the last guard against
        # two runs at once. A cancelled invoice frees it to be billed again.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS account_move_line_property_fee_uniq
                ON account_move_line (property_unit_id, property_fee_type_id, property_period,
                                      partner_id)
             WHERE property_unit_id IS NOT NULL AND parent_state != 'cancel'
            """
        )
