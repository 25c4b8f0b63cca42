from . import report_property_training_session
