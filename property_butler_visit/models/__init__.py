from . import res_company
from . import res_config_settings
from . import property_visit_topic
from . import property_visit
from . import property_visit_plan
from . import property_ticket
from . import property_home
from . import property_demo_generator
