from . import property_takeover_checklist_item
from . import property_takeover
from . import property_takeover_line
from . import property_takeover_defect
