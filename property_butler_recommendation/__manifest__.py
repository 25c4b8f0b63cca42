{
    "name": "Property Butler Service Recommendations",
    "summary": "The butler as recommender of service products (服務產品的推薦者): service offers "
    "(bottled water, move-in ready, home cleaning and repair, home custody), recommendations "
    "to households accepted or declined, paid-service tickets from accepted ones and the "
    "conversion rate per butler and per service",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler_ticket"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_service_offer_rules.xml",
        "security/property_service_recommendation_rules.xml",
        "data/property_service_offer_data.xml",
        "views/property_service_offer_views.xml",
        "views/property_service_recommendation_views.xml",
        "views/property_ticket_views.xml",
        "views/property_butler_recommendation_menus.xml",
    ],
    "demo": ["demo/property_butler_recommendation_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_butler_recommendation/static/tests/tours/*.js"],
    },
}
