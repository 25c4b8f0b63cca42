from . import test_activity, test_activity_http, test_i18n, test_tours_activity
