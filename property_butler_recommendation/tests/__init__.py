from . import test_i18n
from . import test_recommendation
from . import test_tours_recommendation
