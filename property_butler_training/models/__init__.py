from . import property_training_topic
from . import property_training_session
from . import property_training_attendance
from . import res_users
from . import property_demo_generator
