{
    "name": "Property Butler Consignment Sales",
    "summary": "Consigned items sold at the front desk (movie tickets...): stock received from "
    "the consignor, the sales log, the daily cash hand-over reconciled against stock, "
    "low-stock reminders",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_consignment_rules.xml",
        "data/property_consignment_data.xml",
        "views/property_consignment_item_views.xml",
        "views/property_consignment_move_views.xml",
        "views/property_consignment_sale_views.xml",
        "views/property_consignment_handover_views.xml",
        "views/property_butler_consignment_menus.xml",
    ],
    "demo": ["demo/property_butler_consignment_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_consignment/static/tests/tours/*.js"],
    },
}
