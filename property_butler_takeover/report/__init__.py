from . import report_property_takeover
