from . import (
    property_demo_generator,
    property_patrol_plan,
    property_storm_alert,
    property_storm_task,
)
