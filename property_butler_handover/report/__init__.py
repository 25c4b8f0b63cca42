from . import report_property_handover_log
