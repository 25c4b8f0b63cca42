{
    "name": "Property Butler Notices",
    "summary": "Notice boards, notices and outage notices with resident read confirmations",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler", "sms"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_notice_rules.xml",
        "data/property_notice_data.xml",
        "report/property_notice_reports.xml",
        "views/property_notice_board_views.xml",
        "views/property_notice_views.xml",
        "views/property_notice_read_views.xml",
        "views/property_notice_portal_templates.xml",
        "wizard/property_notice_log_wizard_views.xml",
        "views/property_butler_notice_menus.xml",
    ],
    "demo": ["demo/property_butler_notice_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "property_butler_notice/static/tests/tours/*.js",
        ],
    },
}
