{
    "name": "Property Butler Auto-Debit",
    "summary": "Bank auto-debit mandates, debit lists and result import",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_dunning"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_butler_debit_privacy_rules.xml",
        "security/property_debit_rules.xml",
        "data/property_debit_data.xml",
        "report/property_statement_reports.xml",
        "views/property_debit_views.xml",
        "views/property_butler_debit_menus.xml",
    ],
}
