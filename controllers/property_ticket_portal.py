from odoo.addons.portal.controllers.portal import CustomerPortal


class PropertyTicketPortal(CustomerPortal):
    """Residents' ticket pages: submit, follow, accept quotations, rate."""
