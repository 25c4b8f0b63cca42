{
    "name": "Property Butler Handover to Owners",
    "summary": "Handover of units to their owners (交樓 / 收樓): appointment, joint inspection, "
    "rectification tickets, opening meter readings, keys and documents, the owner's signature "
    "and the occupancy and billing started on completion",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_takeover", "property_butler_billing"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_unit_handover_rules.xml",
        "data/property_unit_handover_data.xml",
        "views/property_unit_handover_views.xml",
        "views/property_building_views.xml",
        "views/property_butler_unit_handover_menus.xml",
    ],
    "demo": ["demo/property_butler_unit_handover_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_unit_handover/static/tests/tours/*.js"],
    },
}
