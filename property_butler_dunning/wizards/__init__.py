from . import property_late_fee_wizard
