from . import test_i18n
from . import test_storm
from . import test_storm_patrols
from . import test_storm_plans
