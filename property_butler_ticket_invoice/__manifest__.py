{
    "name": "Property Butler Ticket Invoicing",
    "summary": "Invoices for accepted paid-service quotations",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_ticket", "account"],
    "data": ["views/property_ticket_views.xml"],
    "auto_install": True,
}
