from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyTicket(models.Model):
    _inherit = "property.ticket"

    recommendation_id = fields.Many2one(
        "property.service.recommendation",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The butler's recommendation the resident accepted: this ticket delivers it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """A ticket delivers a recommendation only when made from it (its Create Ticket
        button): accepted, without a ticket yet, and the user may decide it."""
        recommendation_ids = [
            vals["recommendation_id"] for vals in vals_list if vals.get("recommendation_id")
        ]
        if recommendation_ids and not self.env.su:
            recommendations = self.env["property.service.recommendation"].browse(recommendation_ids)
            recommendations.check_access("write")
            if len(set(recommendation_ids)) != len(recommendation_ids) or recommendations.filtered(
                lambda r: r.state != "accepted" or r.ticket_id
            ):
                raise UserError(
                    self.env._(
                        "A ticket delivers an accepted recommendation without a ticket: use the "
                        "recommendation's Create Ticket button."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "recommendation_id" in vals:
            raise UserError(
                self.env._(
                    "A ticket delivers an accepted recommendation without a ticket: use the "
                    "recommendation's Create Ticket button."
                )
            )
        return super().write(vals)
