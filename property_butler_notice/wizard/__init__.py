from . import property_notice_log_wizard
