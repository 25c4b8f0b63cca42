{
    "name": "Property Butler Parking Rental",
    "summary": "Parking spaces rented to residents and outsiders (辦理機動車位出租): contracts "
    "with plates, term, rate paid monthly, quarterly or yearly in advance and deposit, billed by "
    "the monthly billing run; expiry reminders, renewals and a waiting list",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_billing", "property_butler_profile"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_parking_rules.xml",
        "data/property_parking_data.xml",
        "data/ir_cron_data.xml",
        "views/property_parking_contract_views.xml",
        "views/property_parking_waitlist_views.xml",
        "views/property_butler_parking_menus.xml",
    ],
    "demo": [
        "demo/property_butler_parking_demo.xml",
        # After its contracts: the fee history bills them when this addon loads last.
        "demo/property_fee_history_demo.xml",
    ],
    "assets": {"web.assets_tests": ["property_butler_parking/static/tests/tours/*.js"]},
}
