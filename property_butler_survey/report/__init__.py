from . import property_survey_result
