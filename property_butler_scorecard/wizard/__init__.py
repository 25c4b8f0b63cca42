from . import property_scorecard
