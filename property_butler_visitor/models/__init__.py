from . import property_visitor_pass
from . import property_visitor_log
from . import property_goods_release
from . import property_inspection_line
from . import property_demo_generator
