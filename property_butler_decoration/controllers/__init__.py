from . import property_decoration
