{
    "name": "Property Butler Customer Visits",
    "summary": "The butler's customer visits (拜訪): visit log with topics, needs and opinions, "
    "open questions turned into tickets, follow-ups, yearly visit plans per grid and the "
    "monthly visit report",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_ticket"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_visit_rules.xml",
        "data/property_visit_data.xml",
        "report/property_visit_reports.xml",
        "wizard/property_visit_report_wizard_views.xml",
        "views/property_visit_views.xml",
        "views/property_visit_topic_views.xml",
        "views/property_visit_plan_views.xml",
        "views/property_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_butler_visit_menus.xml",
    ],
    "demo": ["demo/property_butler_visit_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_visit/static/tests/tours/*.js"],
    },
}
