from . import property_unit_generate
