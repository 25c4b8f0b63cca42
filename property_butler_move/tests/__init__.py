from . import test_i18n
from . import test_move
from . import test_tours_move
