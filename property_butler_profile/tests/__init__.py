from . import test_i18n
from . import test_profile
from . import test_tours_profile
