from . import report_property_visit_monthly
