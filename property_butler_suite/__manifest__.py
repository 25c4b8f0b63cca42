{
    "name": "Property Butler Suite",
    "summary": "Installs every addon of the Property Butler suite; holds the tests that span them",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": [
        "property_butler_ticket_invoice",
        "property_butler_decoration",
        "property_butler_storm",
        "property_butler_handover",
        "property_butler_debit",
        "property_butler_visitor",
    ],
    "data": [],
    "assets": {"web.assets_tests": ["property_butler_suite/static/tests/tours/*.js"]},
}
