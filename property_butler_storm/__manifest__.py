{
    "name": "Property Butler Storm Alerts",
    "summary": "Storm alerts: checklists per project and doubled patrol rounds",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_storm_rules.xml",
        "report/property_storm_reports.xml",
        "views/property_storm_views.xml",
        "views/property_butler_storm_menus.xml",
    ],
    "demo": ["demo/property_butler_storm_demo.xml"],
}
