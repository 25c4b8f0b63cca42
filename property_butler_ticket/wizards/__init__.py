from . import property_ticket_register
