from . import (
    property_demo_generator,
    account_move,
    account_move_line,
    account_payment,
    property_billing,
    property_fee_rate,
    property_fee_type,
    property_meter_reading,
    res_company,
    res_config_settings,
    res_partner,
)
