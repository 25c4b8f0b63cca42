{
    "name": "Property Butler Document Distribution - Billing",
    "summary": "The monthly statements create their document issue, one copy per unit",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_distribution", "property_butler_billing"],
    "auto_install": True,
    "data": [],
}
