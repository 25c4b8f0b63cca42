from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    property_unit_id = fields.Many2one("property.unit", string="Unit", index="btree_not_null")
    property_fee_type_id = fields.Many2one("property.fee.type", string="Fee")
    property_period = fields.Date(string="Fee Period", help="First day of the month billed.")

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
