{
    "name": "Property Butler Quality Targets",
    "summary": "The department's nine quality targets (S1 1.2), target against actual per project "
    "and year: satisfaction, paid services, major complaints, collection rate, budget, adopted "
    "ideas, major safety incidents, the training pass rate, archive compliance; yearly budgets; "
    "the managers' weekly digest",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": [
        "property_butler_management",
        "property_butler_training",
        "property_butler_archive",
        "property_butler_dunning",
        "digest",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/property_quality_rules.xml",
        "report/property_quality_reports.xml",
        "wizard/property_quality_review_views.xml",
        "views/property_budget_views.xml",
        "views/res_config_settings_views.xml",
        "data/digest_data.xml",
        "views/digest_digest_views.xml",
        "views/property_butler_quality_menus.xml",
    ],
    "demo": ["demo/property_butler_quality_demo.xml", "demo/digest_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_quality/static/tests/tours/*.js"],
    },
}
