from . import property_activity_checkin
