from . import (
    property_dunning_case,
    property_dunning_log,
    property_dunning_reason,
    property_dunning_stage,
)
