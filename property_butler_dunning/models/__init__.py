from . import (
    property_demo_generator,
    account_move,
    property_dunning_case,
    property_dunning_log,
    property_dunning_reason,
    property_dunning_stage,
    property_home,
    property_late_fee,
    property_ticket,
    res_company,
    res_config_settings,
)
