from . import report_property_scorecard
