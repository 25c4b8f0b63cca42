from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    property_prepaid_check = fields.Boolean(
        string="Prepaid Fees to Check",
        copy=False,
        index="btree_not_null",
        groups="account.group_account_invoice",
        help="An occupancy or a rate of the unit changed: the daily job credits what its fee "
        "lines billed in advance and is no longer due.",
    )

    def _property_mark_prepaid_check(self):
        """Ask the daily job to look at the units' fee lines billed in advance (in SQL: the
        people who change occupancies and rates need no right on this field)."""
        if self.ids:
            self.flush_recordset(["property_prepaid_check"])
            self.env.cr.execute(
                "UPDATE property_unit SET property_prepaid_check = TRUE"
                " WHERE id = ANY(%s) AND property_prepaid_check IS NOT TRUE",
                [self.ids],
            )
            self.invalidate_recordset(["property_prepaid_check"])
