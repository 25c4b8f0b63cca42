{
    "name": "Property Butler Dunning",
    "summary": "Dunning calendar, cases and log, late fees, lawyer"s letters and the collection rate",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_billing", "property_butler_ticket"],
    "data": ["security/ir.model.access.csv", "security/property_butler_dunning_privacy_rules.xml", "security/property_collection_rate_rules.xml", "security/property_dunning_rules.xml", "data/property_dunning_data.xml", "report/property_dunning_reports.xml", "report/property_late_fee_reports.xml", "views/property_collection_rate_views.xml", "views/property_dunning_views.xml", "views/property_late_fee_views.xml", "views/property_butler_dunning_menus.xml"],
}
