from odoo import fields, models

# Which checklist an alert raises: the typhoon and rainstorm patrol of S0 3.6 (also for any other
# alert), or the snow plan (S1 training item 25, 雪天處理預案).
STORM_PLANS = [
    ("storm", "Typhoon and Rainstorm"),
    ("snow", "Snow and Freezing"),
]

ITEM_SCOPES = [
    ("project", "Once per Project"),
    ("vacant_unit", "Each Vacant Unit"),
]

TASK_ROLES = [
    ("guard", "Security Guard"),
    ("butler", "Butler"),
]


class PropertyStormChecklistItem(models.Model):
    """One line of a storm plan, shipped from the manuals: raising an alert creates a task of
    each active item of its plan for every project on alert (and, for a vacant-unit item, for
    each vacant unit). A hazard found on the task becomes an urgent finding for the item's
    department."""

    _name = "property.storm.checklist.item"
    _description = "Storm Checklist Item"
    _order = "plan, sequence, id"

    name = fields.Char(string="Task", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    plan = fields.Selection(
        STORM_PLANS,
        string="Storm Plan",
        required=True,
        default="storm",
        help="Typhoon and rainstorm alerts (and any other alert) raise the storm checklist; snow "
        "alerts raise the snow plan.",
    )
    scope = fields.Selection(
        ITEM_SCOPES,
        required=True,
        default="project",
        help="Once per project on alert, or one task for each vacant unit of the project.",
    )
    role = fields.Selection(
        TASK_ROLES,
        required=True,
        default="guard",
        help="Guards' tasks are shared among the guards of the project's patrol plans (a vacant "
        "unit's among the guards whose routes pass it); butlers' among the butlers of the "
        "project's grids.",
    )
    department_id = fields.Many2one(
        "property.department",
        help="Department that receives the urgent finding when a hazard is found on this task.",
    )
    code = fields.Char(
        readonly=True,
        copy=False,
        help="Reference of the items shipped with the application.",
    )
    source = fields.Char(
        string="Manual",
        help="Where the manual asks for it, e.g. S0 3.6.2.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A storm checklist item with this code already exists."),
    ]
