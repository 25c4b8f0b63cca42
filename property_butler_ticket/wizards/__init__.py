from . import property_ticket_register
from . import property_ticket_satisfaction
