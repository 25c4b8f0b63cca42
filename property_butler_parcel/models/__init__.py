from . import (
    property_demo_generator,
    property_handover_item,
    property_handover_log,
    property_parcel,
    res_company,
    res_config_settings,
)
