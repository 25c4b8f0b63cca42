from . import (
    property_ticket,
    property_ticket_callback,
    property_ticket_line,
    property_ticket_sla,
    property_ticket_stage,
    property_ticket_type,
)
