from . import test_consignment, test_i18n, test_tours_consignment
