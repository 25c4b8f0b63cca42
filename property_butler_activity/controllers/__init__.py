from . import property_activity_portal
