{
    "name": "Property Butler Scorecards",
    "summary": "The butlers' monthly scorecard: the grid's collection rate, satisfaction, "
    "callbacks on time, inspections and vacant-unit inspections done against due, visits, "
    "service recommendations; the departments' satisfaction, rating by the butlers, tickets "
    "responded and completed in time, valid complaints; printable",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": [
        "property_butler_dunning",
        "property_butler_patrol",
        "property_butler_visit",
        "property_butler_recommendation",
    ],
    "data": [
        "security/ir.model.access.csv",
        "report/property_scorecard_reports.xml",
        "wizard/property_scorecard_views.xml",
        "views/property_butler_scorecard_menus.xml",
    ],
}
