{
    "name": "Property Butler Management",
    "summary": "Running the department by plans: weekly, monthly and yearly work plans with "
    "their items, approval by the superior and end-of-period summaries, the completion "
    "statistics, reminders; emergency incidents and staff improvement ideas",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_management_rules.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_activity_type_data.xml",
        "report/property_work_plan_reports.xml",
        "wizard/property_work_plan_return_views.xml",
        "views/property_work_plan_views.xml",
        "views/property_work_plan_item_views.xml",
        "views/property_incident_views.xml",
        "views/property_improvement_idea_views.xml",
        "views/property_butler_management_menus.xml",
    ],
    "demo": ["demo/property_butler_management_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_management/static/tests/tours/*.js"],
    },
}
