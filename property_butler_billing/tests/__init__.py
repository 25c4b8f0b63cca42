from . import test_billing
from . import test_billing_cycle
from . import test_i18n
from . import test_security
from . import test_statement
from . import test_tours_statement
from . import test_tours_meter
