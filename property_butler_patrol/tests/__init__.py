from . import test_i18n
from . import test_inspection
from . import test_patrol
from . import test_patrol_pages
from . import test_tours_patrol
from . import test_manual_rules
from . import test_manual_duties
