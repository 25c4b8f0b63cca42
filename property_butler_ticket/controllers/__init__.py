from . import property_ticket_portal
