from . import test_handover
from . import test_i18n
