from . import property_household_portal
