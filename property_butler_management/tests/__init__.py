from . import test_i18n
from . import test_work_plan
from . import test_incident_idea
from . import test_tours_management
