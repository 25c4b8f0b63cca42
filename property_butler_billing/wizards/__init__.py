from . import (
    property_billing_wizard,
    property_statement_wizard,
)
