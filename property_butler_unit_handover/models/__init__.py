from . import property_unit_handover
from . import property_unit_handover_line
from . import property_unit_handover_meter
from . import property_building
from . import property_demo_generator
from . import property_meter_reading
