from . import property_ticket_register, property_unit_generate
