from . import property_billing
from . import property_document_issue
