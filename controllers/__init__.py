from . import portal, property_patrol, property_statement_portal, property_ticket_portal
from . import property_mail
