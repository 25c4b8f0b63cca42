{
    "name": "Property Butler Move-in and Move-out",
    "summary": "Move-in and move-out at the front desk (入住/遷出): checklists, the occupancy "
    "started or ended, arrears settled, final meter readings billed, deposits, access cards, "
    "the goods release note for the guards and the weekly move statistics",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_billing", "property_butler_visitor"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_move_rules.xml",
        "data/property_move_data.xml",
        "views/property_move_views.xml",
        "views/property_butler_move_menus.xml",
    ],
    "demo": ["demo/property_butler_move_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_move/static/tests/tours/*.js"],
    },
}
