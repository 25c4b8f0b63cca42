from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    property_grid_ids = fields.One2many(
        "property.grid",
        "butler_id",
        string="Butler Grids",
    )
