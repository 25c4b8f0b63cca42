from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Residents' contacts were created without a company, so every company's staff read them:
    each now belongs to the company of its occupancies (see res.partner._property_sync_company)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["property.occupancy"].search([]).partner_id._property_sync_company()
