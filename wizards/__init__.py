from . import (
    property_billing_wizard,
    property_debit_import,
    property_late_fee_wizard,
    property_statement_wizard,
    property_ticket_register,
    property_unit_generate,
)
