from . import test_i18n
from . import test_visitor
from . import test_visitor_pages
from . import test_tours_visitor
