from . import res_company
from . import res_config_settings
from . import property_survey_campaign
from . import property_survey_invitation
from . import survey_user_input
from . import property_demo_generator
