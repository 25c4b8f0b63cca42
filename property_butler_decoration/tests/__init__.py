from . import test_decoration
from . import test_i18n
