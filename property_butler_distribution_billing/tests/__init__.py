from . import test_distribution_billing
from . import test_i18n
