from . import (
    report_property_ticket_complaint,
    report_property_ticket_register,
)
from . import report_property_ticket_satisfaction
