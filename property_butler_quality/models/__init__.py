from . import res_company
from . import res_config_settings
from . import property_budget
from . import property_demo_generator
from . import digest_digest
