from . import property_ticket
