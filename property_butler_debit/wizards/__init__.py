from . import property_debit_import
