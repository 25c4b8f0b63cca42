from . import property_parcel_portal
