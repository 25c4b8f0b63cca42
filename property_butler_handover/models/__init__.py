from . import (
    property_handover_item,
    property_handover_log,
    property_home,
)
