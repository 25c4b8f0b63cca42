from . import property_notice_board, property_notice, property_notice_read, property_demo_generator
