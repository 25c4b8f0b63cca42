from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyStatementPortal(CustomerPortal):
    """Residents' statements (對帳單) and fee invoices."""
