from . import test_parking
from . import test_i18n
from . import test_tours_parking
