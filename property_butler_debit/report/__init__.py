from . import report_property_statement
