from . import property_patrol
