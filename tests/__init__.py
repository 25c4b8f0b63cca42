from . import (
    test_estate,
    test_grid,
    test_i18n,
    test_performance,
    test_portal,
    test_security,
    test_ticket,
    test_ticket_portal,
    test_ticket_reports,
    test_unit_generate,
    test_views,
)
