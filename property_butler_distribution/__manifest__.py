{
    "name": "Property Butler Document Distribution",
    "summary": "Statements, outage notices and price lists handed to every unit and followed "
    "to receipt (文件發放登記表)",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_document_rules.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "report/property_document_reports.xml",
        "views/property_document_issue_views.xml",
        "views/property_document_line_views.xml",
        "views/property_document_portal_templates.xml",
        "views/res_partner_views.xml",
        "wizards/property_document_call_wizard_views.xml",
        "views/property_butler_distribution_menus.xml",
    ],
    "demo": ["demo/property_butler_distribution_demo.xml"],
    "assets": {
        "web.report_assets_common": [
            "property_butler_distribution/static/src/report/property_document_report.scss",
        ],
        "web.assets_tests": ["property_butler_distribution/static/tests/tours/*.js"],
    },
}
