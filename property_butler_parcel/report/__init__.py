from . import report_property_parcel_register
