from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

NOTES = [
    "家里常年喝桶装水，介绍了每周配送",
    "新房交付，业主希望拎包入住",
    "老人独居，推荐每两周一次居家保洁",
    "厨房水龙头滴水，介绍了居家维修服务",
    "业主长期在外地，房屋空置，介绍了房屋托管",
]
OFFERS = [
    "property_service_offer_bottled_water",
    "property_service_offer_move_in_ready",
    "property_service_offer_home_cleaning",
    "property_service_offer_home_repair",
    "property_service_offer_home_custody",
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_recommendations(self):
        """The last three months' recommendations of the butlers in their grids: most still
        proposed or declined, a share accepted, most accepted ones already a paid-service
        ticket."""
        project = self._demo_project()
        Recommendation = self.env["property.service.recommendation"]
        if not project or Recommendation.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("recommendations")
        offers = [self.env.ref(f"property_butler_recommendation.{xmlid}") for xmlid in OFFERS]
        today = fields.Date.context_today(self)
        grids = self.env["property.grid"].search([("project_id", "=", project.id)])
        vals_list = []
        for grid in grids.filtered("butler_id"):
            units = self.env["property.unit"].search(
                [("grid_id", "=", grid.id), ("resident_ids", "!=", False)], limit=12
            )
            for unit in units:
                index = rng.randrange(len(offers))
                state = rng.choice(["proposed", "accepted", "accepted", "declined", "declined"])
                when = today - timedelta(days=rng.randint(0, 90))
                vals_list.append(
                    {
                        "unit_id": unit.id,
                        "partner_id": unit.resident_ids[:1].id,
                        "user_id": grid.butler_id.id,
                        "offer_id": offers[index].id,
                        "date": when,
                        "note": NOTES[index],
                        "state": state,
                        "date_decided": when + timedelta(days=2) if state != "proposed" else False,
                        "decline_reason": "暂时不需要" if state == "declined" else False,
                    }
                )
        # The residents' past decisions as recorded then (the decision buttons set today's
        # date): written as superuser.
        recommendations = Recommendation.sudo().create(vals_list)
        # Home custody becomes a contract (home custody addon), the other services tickets.
        accepted = recommendations.filtered(
            lambda r: r.state == "accepted" and r.offer_id != offers[-1]
        )
        accepted[: max(len(accepted) - 2, 0)].action_create_ticket()
