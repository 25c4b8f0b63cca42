from . import test_debit
from . import test_i18n
from . import test_statement_debit
