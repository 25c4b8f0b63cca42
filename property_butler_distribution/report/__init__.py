from . import report_property_document_register
from . import report_property_document_labels
