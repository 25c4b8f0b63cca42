from . import test_i18n
from . import test_survey
from . import test_survey_http
from . import test_tours_survey
