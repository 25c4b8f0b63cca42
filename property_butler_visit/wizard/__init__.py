from . import property_visit_report_wizard
from . import property_ticket_satisfaction
