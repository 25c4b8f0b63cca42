from odoo import fields, models


class PropertyTrainingTopic(models.Model):
    """A topic of the post training matrix (客服部崗位培訓表 NO.ZB-KF-P01, S1 3.0): what is taught,
    and the roles whose staff must pass it before taking their post."""

    _name = "property.training.topic"
    _description = "Training Topic"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Topic", required=True, translate=True)
    code = fields.Char(help="Its number in the training matrix.")
    group_ids = fields.Many2many(
        "res.groups",
        string="Required For",
        domain=lambda self: [
            ("category_id", "=", self.env.ref("property_butler.property_butler_module_category").id)
        ],
        help="The roles whose staff must pass this topic before taking their post.",
    )
    pass_score = fields.Float(string="Pass Mark", default=60.0)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "pass_score_range",
            "CHECK(pass_score >= 0 AND pass_score <= 100)",
            "The pass mark is between 0 and 100.",
        ),
    ]
