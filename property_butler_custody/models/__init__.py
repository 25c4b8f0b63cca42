from . import property_custody_contract
from . import property_fee_type
from . import property_billing
from . import account_move_line
from . import property_inspection
from . import property_inspection_template
from . import property_service_recommendation
from . import property_demo_generator
