from . import property_visit_report_wizard
