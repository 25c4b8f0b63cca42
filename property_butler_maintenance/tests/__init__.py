from . import test_equipment
from . import test_i18n
from . import test_tours_equipment
