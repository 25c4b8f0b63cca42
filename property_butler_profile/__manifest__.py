{
    "name": "Property Butler Customer Profiles",
    "summary": "Household profiles (客戶資料): vehicles, pets, special needs, preferred contact "
    "channel, emergency contact, verified date and completeness; the butler's list of profiles "
    "to verify; residents correct their own on the portal",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_household_rules.xml",
        "data/property_household_data.xml",
        "views/property_household_views.xml",
        "views/property_unit_views.xml",
        "views/property_household_portal_templates.xml",
        "views/property_butler_profile_menus.xml",
    ],
    "demo": ["demo/property_butler_profile_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_profile/static/tests/tours/*.js"],
    },
}
