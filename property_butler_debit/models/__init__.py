from . import (
    property_demo_generator,
    property_debit_batch,
    property_debit_line,
    property_debit_mandate,
)
