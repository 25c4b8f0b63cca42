from . import (
    property_demo_generator,
    property_department,
    property_home,
    property_occupancy,
    property_ticket,
    property_ticket_callback,
    property_ticket_line,
    property_ticket_sla,
    property_ticket_stage,
    property_ticket_type,
    res_company,
    res_partner,
)
from . import res_config_settings
