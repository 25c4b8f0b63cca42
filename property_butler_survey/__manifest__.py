{
    "name": "Property Butler Satisfaction Surveys",
    "summary": "Residents' satisfaction surveys (用戶意見/建議滿意率調查) on Odoo's survey app: "
    "campaigns per project, a sample of households per grid, invitations by portal and "
    "e-mail, response and satisfaction rates per item, grid, butler and project against the "
    "quality targets, follow-ups of unsatisfied answers by the grid's butler",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler", "survey"],
    "data": [
        "security/property_butler_survey_security.xml",
        "security/ir.model.access.csv",
        "security/property_survey_rules.xml",
        "report/property_survey_result_views.xml",
        "views/property_survey_campaign_views.xml",
        "views/property_survey_invitation_views.xml",
        "views/property_survey_campaign_templates.xml",
        "views/property_survey_portal_templates.xml",
        "views/res_config_settings_views.xml",
        "views/property_butler_survey_menus.xml",
    ],
    "demo": ["demo/property_butler_survey_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_survey/static/tests/tours/*.js"],
    },
}
