from . import report_property_storm_checklist
