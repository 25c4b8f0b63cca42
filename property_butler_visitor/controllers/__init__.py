from . import property_visitor
from . import property_visitor_portal
