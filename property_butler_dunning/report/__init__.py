from . import (
    property_collection_rate,
    property_collection_report,
    report_property_dunning_case_log,
    report_property_lawyer_letter,
)
