from . import test_distribution
from . import test_distribution_http
from . import test_i18n
