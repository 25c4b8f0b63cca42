from odoo import api, fields, models
from odoo.exceptions import UserError

CUSTODY_OFFER = "property_butler_recommendation.property_service_offer_home_custody"


class PropertyServiceRecommendation(models.Model):
    _inherit = "property.service.recommendation"

    is_custody = fields.Boolean(
        string="Home Custody", compute="_compute_is_custody", help="Home custody is recommended."
    )
    custody_contract_ids = fields.One2many(
        "property.custody.contract", "recommendation_id", string="Custody Contracts"
    )

    @api.depends("offer_id")
    def _compute_is_custody(self):
        custody = self.env.ref(CUSTODY_OFFER, raise_if_not_found=False)
        for recommendation in self:
            recommendation.is_custody = bool(custody) and recommendation.offer_id == custody

    def action_create_ticket(self):
        """Home custody is a contract billed every month, not a one-off paid service: no
        ticket (and no second bill) for it."""
        if self.filtered("is_custody"):
            raise UserError(
                self.env._(
                    "Home custody is a monthly contract: create the custody contract instead "
                    "of a ticket."
                )
            )
        return super().action_create_ticket()

    def action_create_custody_contract(self):
        """An accepted recommendation of home custody: the contract form, filled in from it."""
        self.ensure_one()
        if self.state != "accepted" or not self.is_custody:
            raise UserError(
                self.env._("Only an accepted recommendation of home custody starts a contract.")
            )
        product = self.offer_id.product_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Home Custody Contract"),
            "res_model": "property.custody.contract",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_recommendation_id": self.id,
                "default_unit_id": self.unit_id.id,
                "default_partner_id": self.partner_id.id,
                "default_user_id": self.user_id.id,
                "default_monthly_fee": product.list_price if product else 0.0,
            },
        }
