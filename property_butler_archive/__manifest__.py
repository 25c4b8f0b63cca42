{
    "name": "Property Butler Archives",
    "summary": "The department's archives (檔案, S2 4.8): files by type (building takeover, unit "
    "handover, decoration, quality records, resident files, internal affairs, administration) "
    "with their location, the documents each type requires and its completeness, the borrowing "
    "log with overdue reminders",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_archive_rules.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/property_archive_type_data.xml",
        "views/property_archive_type_views.xml",
        "views/property_archive_views.xml",
        "views/property_archive_loan_views.xml",
        "views/property_butler_archive_menus.xml",
    ],
    "demo": ["demo/property_butler_archive_demo.xml"],
}
