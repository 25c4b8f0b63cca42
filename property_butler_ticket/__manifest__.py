{
    "name": "Property Butler Tickets",
    "summary": "Residents" tickets: complaints, repairs, inquiries, paid services, callbacks and satisfaction",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler", "product"],
    "data": ["security/ir.model.access.csv", "security/property_butler_ticket_privacy_rules.xml", "security/property_butler_ticket_rules.xml", "data/property_ticket_data.xml", "report/property_ticket_reports.xml", "views/property_ticket_callback_views.xml", "views/property_ticket_config_views.xml", "views/property_ticket_views.xml", "views/property_ticket_portal_templates.xml", "wizards/property_ticket_register_views.xml", "views/property_butler_ticket_menus.xml"],
    "assets": {"web.assets_tests": ["property_butler_ticket/static/tests/tours/*.js"]},
}
