from . import test_debit
from . import test_i18n
