{
    "name": "Property Butler Storm Alerts",
    "summary": "Storm and snow alerts: the manuals' checklists per project, doubled patrol rounds, "
    "urgent hazards",
    "version": "18.0.1.1.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_storm_rules.xml",
        "data/property_storm_checklist_item_data.xml",
        "report/property_storm_reports.xml",
        "views/property_storm_views.xml",
        "views/property_storm_checklist_item_views.xml",
        "views/property_ticket_views.xml",
        "views/property_butler_storm_menus.xml",
    ],
    "demo": ["demo/property_butler_storm_demo.xml"],
}
