from . import report_property_grid_register
