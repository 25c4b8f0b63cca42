{
    "name": "Property Butler Decoration",
    "summary": "Decoration permits, workers' passes and decoration checks",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_butler_decoration_privacy_rules.xml",
        "security/property_decoration_rules.xml",
        "data/property_decoration_data.xml",
        "report/property_decoration_reports.xml",
        "views/property_decoration_views.xml",
        "views/property_butler_decoration_menus.xml",
    ],
}
