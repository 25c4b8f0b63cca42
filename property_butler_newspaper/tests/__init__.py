from . import test_i18n, test_newspaper, test_newspaper_http
