{
    "name": "Property Butler Visitors",
    "summary": "Visitor passes with QR token and short code, walk-in visitors, entry and exit "
    "log, vehicle log, goods release notes",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_patrol"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_butler_visitor_rules.xml",
        "data/property_visitor_data.xml",
        "report/property_visitor_reports.xml",
        "views/property_visitor_pass_views.xml",
        "views/property_visitor_log_views.xml",
        "views/property_goods_release_views.xml",
        "views/property_inspection_views.xml",
        "views/property_visitor_templates.xml",
        "views/property_butler_visitor_menus.xml",
    ],
    "demo": ["demo/property_butler_visitor_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_visitor/static/tests/tours/*.js"],
    },
}
