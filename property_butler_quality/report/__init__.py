from . import report_property_quality_review
