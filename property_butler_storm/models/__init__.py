from . import (
    property_demo_generator,
    property_inspection_line,
    property_patrol_checkin,
    property_patrol_plan,
    property_storm_alert,
    property_storm_checklist_item,
    property_storm_task,
    property_ticket,
)
