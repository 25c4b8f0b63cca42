from . import property_document_issue
from . import property_document_line
from . import property_demo_generator
from . import res_partner
