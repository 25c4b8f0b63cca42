from . import report
from . import wizard
