{
    "name": "Property Butler Newspapers",
    "summary": "Residents' newspaper subscriptions, the daily delivery counted against them, "
    "sorting by 08:30, leftovers handed over, the subscription list",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_handover"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_newspaper_rules.xml",
        "data/property_newspaper_data.xml",
        "report/property_newspaper_reports.xml",
        "views/property_newspaper_title_views.xml",
        "views/property_newspaper_subscription_views.xml",
        "views/property_newspaper_delivery_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_newspaper_portal_templates.xml",
        "views/property_butler_newspaper_menus.xml",
    ],
    "demo": ["demo/property_butler_newspaper_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_newspaper/static/tests/tours/*.js"],
    },
}
