from . import property_parcel_pickup, property_parcel_return
