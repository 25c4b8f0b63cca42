from . import test_i18n
from . import test_unit_handover
from . import test_tours_unit_handover
