{
    "name": "Property Butler Equipment Maintenance",
    "summary": "The estates' equipment (lifts, pumps, fire systems, gates, generators) on the "
    "Maintenance app, located by project, building and checkpoint: preventive maintenance "
    "plans, patrol and inspection findings turned into maintenance requests, the engineering "
    "calendar and each piece of equipment's history",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol", "maintenance"],
    "data": [
        "security/property_butler_maintenance_security.xml",
        "security/ir.model.access.csv",
        "data/maintenance_data.xml",
        "views/maintenance_equipment_views.xml",
        "views/maintenance_request_views.xml",
        "views/property_ticket_views.xml",
        "views/property_checkpoint_views.xml",
        "views/property_inspection_views.xml",
        "views/property_butler_maintenance_menus.xml",
    ],
    "demo": ["demo/property_butler_maintenance_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_maintenance/static/tests/tours/*.js"],
    },
}
