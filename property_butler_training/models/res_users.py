from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    property_training_missing_ids = fields.Many2many(
        "property.training.topic",
        string="Training Still Owed",
        compute="_compute_property_training",
        groups="property_butler.property_butler_group_supervisor",
        help="The topics that the person's roles require and that they have not passed yet.",
    )
    property_training_ready = fields.Boolean(
        string="Ready for the Post",
        compute="_compute_property_training",
        groups="property_butler.property_butler_group_supervisor",
        help="Passed every topic their roles require (S1 1.2: 100 % trained before taking a post).",
    )

    @api.depends("groups_id")
    def _compute_property_training(self):
        Topic = self.env["property.training.topic"]
        topics = Topic.search([("group_ids", "!=", False)])
        passed = {
            (user.id, topic.id)
            for user, topic in self.env["property.training.attendance"]
            .sudo()
            ._read_group(
                [("user_id", "in", self.ids), ("passed", "=", True)], ["user_id", "topic_id"]
            )
        }
        for user in self:
            owed = topics.filtered(
                lambda topic, u=user: (
                    topic.group_ids & u.groups_id and (u.id, topic.id) not in passed
                )
            )
            user.property_training_missing_ids = owed
            user.property_training_ready = not owed
