from . import test_i18n, test_parcel, test_parcel_pages, test_tours_parcel
