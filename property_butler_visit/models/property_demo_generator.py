from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

NEEDS = [
    ("电梯早高峰等候时间长，希望增加运行时段", False),
    ("楼道灯晚上不亮，已经好几天了", False),
    ("询问今年物业费是否调整", True),
    ("家里老人独居，希望管家多关注", True),
    ("小区车位紧张，建议规划临时车位", False),
    ("对保洁服务满意，希望保持", True),
    ("装修噪音影响午休，希望加强管理", False),
    ("咨询家政保洁服务的价格", True),
]
KINDS = ["appointment", "appointment", "encounter", "encounter", "home_visit", "dunning"]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_visits(self):
        """This year's visits of the butlers in their grids (most households once, key customers
        four times): answered on the spot, reported back on, a few of the last fortnight still
        to report back on, a question that became a repair ticket; this year's plans."""
        project = self._demo_project()
        Visit = self.env["property.visit"]
        if not project or Visit.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("visits")
        grids = self.env["property.grid"].search([("project_id", "=", project.id)])
        topics = self.env["property.visit.topic"].search([("active", "=", True)])
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        today = fields.Date.context_today(self)
        year_start = today.replace(month=1, day=1)
        days_so_far = max((today - year_start).days, 1)
        vals_list = []
        for grid in grids.filtered("butler_id"):
            units = self.env["property.unit"].search(
                [("grid_id", "=", grid.id), ("resident_ids", "!=", False)]
            )
            for unit in units:
                # Most households visited once this year so far, key customers several times.
                visits = (4 if unit.key_customer else 1) if rng.random() < 0.85 else 0
                for _i in range(visits):
                    need, answered = rng.choice(NEEDS)
                    when = now - timedelta(
                        days=rng.randint(0, days_so_far - 1), hours=rng.randint(0, 6)
                    )
                    follow_up = False
                    if not answered:
                        follow_up = (when + timedelta(days=rng.choice([3, 7, 14]))).date()
                    vals_list.append(
                        {
                            "unit_id": unit.id,
                            "partner_id": unit.resident_ids[:1].id,
                            "user_id": grid.butler_id.id,
                            "kind": rng.choice(KINDS),
                            "date": when,
                            "topic_ids": [(6, 0, rng.sample(topics.ids, min(2, len(topics))))],
                            "needs": need,
                            "answered": answered,
                            "answer": "已当场解答" if answered else False,
                            "date_follow_up": follow_up,
                            # Reported back, except some of the last fortnight's.
                            "followed_up": bool(
                                follow_up and follow_up < today - timedelta(days=7)
                            ),
                        }
                    )
        visits = Visit.create(vals_list)
        repair = self.env.ref(
            "property_butler_ticket.property_ticket_type_repair", raise_if_not_found=False
        )
        lamp = visits.filtered(lambda v: v.needs.startswith("楼道灯") and not v.followed_up)[:1]
        if repair and lamp:
            self.env["property.ticket"].create(
                {
                    "title": "楼道灯不亮",
                    "description": Markup("<p>%s</p>") % lamp.needs,
                    "ticket_type_id": repair.id,
                    "unit_id": lamp.unit_id.id,
                    "partner_id": lamp.partner_id.id,
                    "channel": "butler_visit",
                    "visit_id": lamp.id,
                }
            )
        self.env["property.visit.plan"]._create_year_plans(grids, today.year)
