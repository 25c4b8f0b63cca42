from . import test_i18n
from . import test_quality_review
from . import test_tours_quality
