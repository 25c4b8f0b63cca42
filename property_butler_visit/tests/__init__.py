from . import test_i18n
from . import test_visit
from . import test_tours_visit
from . import test_butler_rating
