from . import (
    property_storm_alert,
    property_storm_task,
)
