{
    "name": "Property Butler Community Activities",
    "summary": "Community activities (社區文化活動) on Odoo Events: the plan approved by the "
    "manager, announced as a notice, residents' sign-ups from the portal, the headcount for the "
    "service hall, QR check-in at the door, callbacks afterwards and the yearly count per project",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_notice", "event"],
    "data": [
        "security/property_activity_groups.xml",
        "security/ir.model.access.csv",
        "security/property_activity_rules.xml",
        "data/property_activity_data.xml",
        "report/property_activity_reports.xml",
        "report/property_activity_yearly_views.xml",
        "wizard/property_activity_checkin_views.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/property_activity_callback_views.xml",
        "views/property_activity_portal_templates.xml",
        "views/res_config_settings_views.xml",
        "views/property_butler_activity_menus.xml",
    ],
    "demo": ["demo/property_butler_activity_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_activity/static/tests/tours/*.js"],
    },
}
