{
    "name": "Property Butler Takeover Acceptance",
    "summary": "Takeover acceptance of buildings from the developer (接管驗收): checklist "
    "inspections, defects with photos, responsible party, rectification deadlines and "
    "follow-up, the building's takeover report",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_ticket"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_takeover_rules.xml",
        "data/property_takeover_data.xml",
        "report/property_takeover_reports.xml",
        "views/property_takeover_checklist_item_views.xml",
        "views/property_takeover_defect_views.xml",
        "views/property_takeover_views.xml",
        "views/property_butler_takeover_menus.xml",
    ],
    "demo": ["demo/property_butler_takeover_demo.xml"],
}
