from . import (
    property_decoration_check,
    property_decoration_permit,
    property_decoration_worker,
    property_home,
)
