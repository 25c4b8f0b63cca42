from . import property_household
from . import property_household_vehicle
from . import property_household_pet
from . import property_unit
from . import property_demo_generator
