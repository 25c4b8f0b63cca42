from . import test_i18n
from . import test_custody
from . import test_tours_custody
