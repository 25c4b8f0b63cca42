from . import test_access_sweep
from . import test_home
from . import test_menus_browser
from . import test_privacy
from . import test_report_access
from . import test_ticket_numbering_lock
from . import test_tours_backend
from . import test_demo
