from . import (
    report_property_inspection_register,
    report_property_patrol_checkin_sheet,
    report_property_patrol_inspection,
    report_property_patrol_route_qr,
    report_property_project_vacant_units,
)
