from . import property_notice_portal
