from . import property_survey_portal
