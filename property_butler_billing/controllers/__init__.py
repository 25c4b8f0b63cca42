from . import property_statement_portal
