from . import property_service_offer
from . import property_service_recommendation
from . import property_ticket
from . import property_demo_generator
