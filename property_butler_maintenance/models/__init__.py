from . import maintenance_equipment
from . import maintenance_request
from . import property_checklist_item
from . import property_checkpoint
from . import property_demo_generator
from . import property_inspection_line
from . import property_patrol_checkin
from . import property_ticket
