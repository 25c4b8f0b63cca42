from . import report_property_visitor_register
from . import report_property_goods_register
