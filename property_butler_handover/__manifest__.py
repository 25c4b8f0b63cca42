{
    "name": "Property Butler Shift Handovers",
    "summary": "Front-desk and security shift handovers with open items",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_handover_rules.xml",
        "data/property_handover_data.xml",
        "report/property_handover_reports.xml",
        "views/property_handover_views.xml",
        "views/property_butler_handover_menus.xml",
    ],
    "demo": ["demo/property_butler_handover_demo.xml"],
}
