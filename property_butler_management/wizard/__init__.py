from . import property_work_plan_return
