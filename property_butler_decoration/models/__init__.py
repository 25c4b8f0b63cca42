from . import (
    property_demo_generator,
    property_decoration_check,
    property_decoration_permit,
    property_decoration_stay,
    property_decoration_worker,
    property_home,
)
