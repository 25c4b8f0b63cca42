from . import (
    property_billing_wizard,
    property_prepayment_wizard,
    property_statement_wizard,
)
