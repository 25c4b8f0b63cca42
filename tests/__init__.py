from . import (
    test_estate,
    test_grid,
    test_i18n,
    test_performance,
    test_portal,
    test_security,
    test_unit_generate,
    test_views,
)
