from odoo import api, models

# What a fee line billed in advance depends on of an occupancy.
BILLED_FIELDS = ("date_start", "date_end", "is_billing_contact", "unit_id", "partner_id")


class PropertyOccupancy(models.Model):
    _inherit = "property.occupancy"

    @api.model_create_multi
    def create(self, vals_list):
        occupancies = super().create(vals_list)
        occupancies.filtered("is_billing_contact").unit_id._property_mark_prepaid_check()
        return occupancies

    def write(self, vals):
        billed = any(field in vals for field in BILLED_FIELDS)
        units = self.unit_id if billed else self.env["property.unit"]
        result = super().write(vals)
        if billed:
            (units | self.unit_id)._property_mark_prepaid_check()
        return result

    def unlink(self):
        units = self.unit_id
        result = super().unlink()
        units._property_mark_prepaid_check()
        return result
