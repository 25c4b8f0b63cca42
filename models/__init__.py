from . import (
    res_company,
    res_config_settings,
    property_project,
    property_cluster,
    property_building,
    property_unit,
    property_occupancy,
    property_grid,
    property_grid_assignment,
    property_demo_generator,
    res_partner,
    res_users,
)
