from . import property_archive_type
from . import property_archive_requirement
from . import property_archive
from . import property_archive_document
from . import property_archive_loan
from . import property_demo_generator
