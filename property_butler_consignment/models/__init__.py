from . import (
    property_consignment_handover,
    property_consignment_handover_line,
    property_consignment_item,
    property_consignment_move,
    property_consignment_sale,
    property_demo_generator,
)
