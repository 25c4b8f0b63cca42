from . import portal, property_patrol, property_ticket_portal
