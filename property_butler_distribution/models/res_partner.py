from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_paperless = fields.Boolean(
        string="Paperless Documents",
        help="Statements, outage notices and price lists reach this contact on the portal "
        "and by e-mail instead of on paper (the contact needs an e-mail address).",
    )
