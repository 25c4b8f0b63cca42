from . import property_work_plan
from . import property_work_plan_item
from . import property_incident
from . import property_improvement_idea
from . import property_demo_generator
from . import property_home
