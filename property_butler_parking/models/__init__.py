from . import account_move_line
from . import property_fee_type
from . import property_parking_contract
from . import property_parking_waitlist
from . import property_billing
from . import property_demo_generator
