from . import test_decoration
from . import test_i18n
from . import test_decoration_rules
from . import test_tours_decoration
