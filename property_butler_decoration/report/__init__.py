from . import (
    report_property_decoration_permit_monitoring,
    report_property_decoration_permit_permit,
    report_property_decoration_worker_pass,
)
