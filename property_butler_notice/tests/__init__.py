from . import test_i18n, test_notice, test_notice_http
