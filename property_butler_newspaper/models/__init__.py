from . import (
    property_demo_generator,
    property_newspaper_delivery,
    property_newspaper_delivery_line,
    property_newspaper_subscription,
    property_newspaper_title,
    res_company,
    res_config_settings,
)
