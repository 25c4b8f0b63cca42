from . import property_quality_review
