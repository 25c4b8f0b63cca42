from . import property_document_portal
