from . import test_collection_rate
from . import test_dunning
from . import test_dunning_performance
from . import test_i18n
from . import test_late_fee
