from . import portal, property_ticket_portal
