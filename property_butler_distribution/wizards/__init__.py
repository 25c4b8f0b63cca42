from . import property_document_call_wizard
