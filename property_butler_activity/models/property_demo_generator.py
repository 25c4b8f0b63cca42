from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step

FEEDBACK = [
    ("5", "孩子们玩得很开心，组织得很好", "希望下次搞一次亲子运动会"),
    ("4", "活动不错，就是时间有点短", "建议周末上午举办"),
    ("5", "认识了很多邻居，谢谢管家", "中秋可以办一次赏月晚会"),
    ("3", "场地有点挤", "希望换到会所大厅"),
]


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_activities(self):
        """Two community activities of the demo project: last month's Dragon Boat Festival
        gathering, held, with attendees checked in and callbacks; next fortnight's Mid-Autumn
        evening, approved, announced and open for sign-up."""
        project = self._demo_project()
        Event = self.env["event.event"]
        if not project or Event.search_count([("property_project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("activities")
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        butler = self.env.ref("property_butler.user_butler1", raise_if_not_found=False)
        manager = self.env.ref("property_butler.user_manager", raise_if_not_found=False)
        past, upcoming = Event.create(
            [
                {
                    "name": "端午节包粽子联谊会",
                    "property_project_id": project.id,
                    "company_id": project.company_id.id,
                    "date_begin": now - timedelta(days=30, hours=3),
                    "date_end": now - timedelta(days=30),
                    "date_tz": "Asia/Shanghai",
                    "seats_limited": True,
                    "seats_max": 60,
                    "user_id": (butler or self.env.user).id,
                    "description": Markup("<p>会所大厅，一起包粽子、品粽香。</p>"),
                },
                {
                    "name": "中秋赏月晚会",
                    "property_project_id": project.id,
                    "company_id": project.company_id.id,
                    "date_begin": now + timedelta(days=14),
                    "date_end": now + timedelta(days=14, hours=3),
                    "date_tz": "Asia/Shanghai",
                    "seats_limited": True,
                    "seats_max": 80,
                    "user_id": (butler or self.env.user).id,
                    "description": Markup("<p>中心花园，猜灯谜、赏明月、品月饼。</p>"),
                },
            ]
        )
        # The plans as the manager approved them (the approval buttons are the manager's).
        (past | upcoming).sudo().write(
            {"property_state": "approved", "property_approved_by_id": (manager or self.env.user).id}
        )
        upcoming.action_property_announce()
        occupancies = self.env["property.occupancy"].search(
            [
                ("unit_id.project_id", "=", project.id),
                ("role", "=", "owner"),
                *self.env["property.occupancy"]._current_domain(),
            ],
            limit=40,
            order="id",
        )
        picked = occupancies[:24]
        past_vals = [
            {
                "event_id": past.id,
                "partner_id": occupancy.partner_id.id,
                "unit_id": occupancy.unit_id.id,
                "property_party_size": rng.choice([1, 2, 2, 3]),
            }
            for occupancy in picked[:16]
        ]
        upcoming_vals = [
            {
                "event_id": upcoming.id,
                "partner_id": occupancy.partner_id.id,
                "unit_id": occupancy.unit_id.id,
                "property_party_size": rng.choice([1, 2, 3]),
            }
            for occupancy in picked[16:]
        ]
        Registration = self.env["event.registration"].with_context(install_mode=True)
        past_regs = Registration.create(past_vals)
        Registration.create(upcoming_vals)
        past_regs[:13].action_set_done()
        past_regs[13:14].action_cancel()
        callbacks = past._property_create_callbacks()
        for callback in callbacks[:6]:
            rating, feedback, suggestion = rng.choice(FEEDBACK)
            callback.write({"rating": rating, "feedback": feedback, "suggestion": suggestion})
            callback.action_done()
