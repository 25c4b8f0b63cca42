from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    household_ids = fields.One2many("property.household", "unit_id", string="Customer Profile")

    def action_open_household(self):
        """The unit's customer profile, made on first use."""
        self.ensure_one()
        household = self.household_ids[:1] or self.env["property.household"].create(
            {"unit_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Profile"),
            "res_model": "property.household",
            "res_id": household.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
