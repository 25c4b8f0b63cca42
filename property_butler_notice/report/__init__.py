from . import report_property_notice
