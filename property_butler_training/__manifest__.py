{
    "name": "Property Butler Training",
    "summary": "Post training (崗位培訓, S1 3.0): the training matrix of topics by role, "
    "training sessions with attendance, exam scores and pass or fail, each person's readiness "
    "for their post, the yearly pass rate; the attendance sheet",
    "version": "18.0.1.0.0",
    "category": "Services/Property",
    "author": "Property Butler Contributors",
    "website": "https://github.com/property-butler/property_butler",
    "license": "LGPL-3",
    "depends": ["property_butler"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_training_rules.xml",
        "data/property_training_topic_data.xml",
        "report/property_training_reports.xml",
        "views/property_training_topic_views.xml",
        "views/property_training_session_views.xml",
        "views/property_training_attendance_views.xml",
        "views/res_users_views.xml",
        "views/property_butler_training_menus.xml",
    ],
    "demo": ["demo/property_butler_training_demo.xml"],
}
