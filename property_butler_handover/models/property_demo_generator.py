from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_handovers(self):
        """Two weeks of guards' and front-desk shift handovers, today's still being written."""
        project = self._demo_project()
        Log = self.env["property.handover.log"]
        if not project or Log.search_count([("project_id", "=", project.id)], limit=1):
            return
        rng = self._demo_rng("handovers")
        now = fields.Datetime.now()
        users = {
            user.login: user
            for user in self.env["res.users"].search(
                [("login", "in", ("guard", "guard2", "frontdesk", "frontdesk2"))]
            )
        }
        ref = self.env.ref
        shifts = {
            "day": ref("property_butler_patrol.property_patrol_shift_day"),
            "night": ref("property_butler_patrol.property_patrol_shift_night"),
        }
        events = {
            "security": [
                ("夜间巡逻正常，无异常情况。", []),
                ("2 栋地下车库一处照明损坏，已报工程部。", ["跟进 2 栋车库照明维修"]),
                ("凌晨有访客车辆未登记驶入，已劝离。", []),
                ("监控中心 3 号摄像头画面模糊。", ["联系厂家检修 3 号摄像头"]),
            ],
            "front_desk": [
                ("今日签收业主挂号信 3 封，已通知业主领取。", ["通知 1-1-802 业主领取挂号信"]),
                ("接待访客 12 人次，装修申请咨询 2 宗。", []),
                ("停水通知已张贴，短信已发送。", []),
                ("业主投诉楼道灯不亮，已开单。", ["回访楼道灯维修结果"]),
            ],
        }
        pairs = {"security": ("guard", "guard2"), "front_desk": ("frontdesk", "frontdesk2")}
        for kind, (first, second) in pairs.items():
            if first not in users or second not in users:
                continue
            for offset in range(14, -1, -1):
                day = now - timedelta(days=offset)
                handed, taken = (users[first], users[second])
                if offset % 2:
                    handed, taken = taken, handed
                notes, items = rng.choice(events[kind])
                log = Log.with_user(handed).create(
                    {
                        "kind": kind,
                        "project_id": project.id,
                        "date": day.replace(hour=12, minute=0, second=0, microsecond=0),
                        "shift_id": shifts["day" if offset % 2 else "night"].id,
                        "handed_by_id": handed.id,
                        "taken_by_id": taken.id,
                        "notes": notes,
                        "item_ids": [fields.Command.create({"description": d}) for d in items],
                    }
                )
                # Most matters carried from the last shift are dealt with during this one.
                for item in log.item_ids.filtered("carried_from_id"):
                    if rng.random() < 0.7:
                        item.sudo().write(
                            {"state": "closed", "closing_note": "已处理", "closed_by_id": handed.id}
                        )
                if offset == 0:
                    continue  # today's shift is still being written
                log.with_user(handed).action_hand_over()
                log.with_user(taken).action_acknowledge()
                moment = day.replace(hour=12, minute=0, second=0, microsecond=0)
                log.sudo().write(
                    {"date_handed": moment, "date_acknowledged": moment + timedelta(minutes=5)}
                )
