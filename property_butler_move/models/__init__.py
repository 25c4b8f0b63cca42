from . import property_move
from . import property_move_reading
from . import property_demo_generator
