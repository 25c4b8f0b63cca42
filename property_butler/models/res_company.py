from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    property_grid_restricted = fields.Boolean(
        string="Butlers See Only Their Own Grid",
        help="When set, a butler can read units, occupancies and residents' contact details "
        "only within the grids they own or back up. Supervisors and managers see the whole company.",
    )
