from . import (
    event_event,
    event_registration,
    property_activity_callback,
    property_demo_generator,
    res_company,
    res_config_settings,
)
