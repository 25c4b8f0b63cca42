from . import report_property_work_plan
