from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_custody(self):
        """Home custody: a contract from each accepted custody recommendation (active since
        a few months, one ended), and an owner-billed contract of an empty flat; this month's
        inspections, last month's done."""
        project = self._demo_project()
        Contract = self.env["property.custody.contract"]
        if not project or Contract.search_count([("project_id", "=", project.id)], limit=1):
            return
        custody = self.env.ref("property_butler_recommendation.property_service_offer_home_custody")
        recommendations = (
            self.env["property.service.recommendation"]
            .search(
                [
                    ("project_id", "=", project.id),
                    ("offer_id", "=", custody.id),
                    ("state", "=", "accepted"),
                    ("partner_id", "!=", False),
                ],
            )
            .filtered(lambda rec: rec.partner_id in rec.unit_id.owner_ids)[:3]
        )
        today = fields.Date.context_today(self)
        month = today.replace(day=1)
        vals_list = [
            {
                "unit_id": rec.unit_id.id,
                "partner_id": rec.partner_id.id,
                "user_id": rec.user_id.id,
                "recommendation_id": rec.id,
                "date_start": month - relativedelta(months=3 + index),
                "monthly_fee": 300.0,
                "note": "<p>业主长期在外地，每月开窗通风、检查水电气，回家前做一次保洁。</p>",
            }
            for index, rec in enumerate(recommendations)
        ]
        if not vals_list:
            units = self.env["property.unit"].search(
                [("project_id", "=", project.id), ("owner_ids", "!=", False)], limit=2
            )
            vals_list = [
                {
                    "unit_id": unit.id,
                    "partner_id": unit.owner_ids[:1].id,
                    "date_start": month - relativedelta(months=2),
                    "monthly_fee": 300.0,
                }
                for unit in units
            ]
        contracts = Contract.create(vals_list)
        contracts.action_activate()
        # Last month's inspection of the first contract, done: the owner was told.
        first = contracts[:1]
        if first:
            Inspection = self.env["property.inspection"]
            last_month = month - relativedelta(days=1)
            done = Inspection._create_custody_inspections(first, last_month)
            done.line_ids.write({"result": "ok"})
            done.action_done()
        if len(contracts) > 2:
            contracts[-1].action_end()
