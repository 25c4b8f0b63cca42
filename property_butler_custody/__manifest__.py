{
    "name": "Property Butler Home Custody",
    "summary": "Home custody (房屋托管) of idle homes as a recurring paid service: custody "
    "contracts with their scope and monthly fee, billed by the monthly billing run, and "
    "monthly custody inspections of the contract's scope, reported to the owner",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": [
        "property_butler_recommendation",
        "property_butler_billing",
        "property_butler_patrol",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/property_custody_contract_rules.xml",
        "data/property_custody_data.xml",
        "data/ir_cron_data.xml",
        "views/property_custody_contract_views.xml",
        "views/property_service_recommendation_views.xml",
        "views/property_inspection_views.xml",
        "views/property_butler_custody_menus.xml",
    ],
    "demo": [
        "demo/property_butler_custody_demo.xml",
        # After its contracts: the fee history bills them when this addon loads last.
        "demo/property_fee_history_demo.xml",
    ],
    "assets": {"web.assets_tests": ["property_butler_custody/static/tests/tours/*.js"]},
}
