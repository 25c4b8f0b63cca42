from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_storms(self):
        """Last summer's typhoon and last winter's blizzard (raised, checklist done, lifted) and
        today's rainstorm warning (raised, half the checklist done, water found in the pump
        room: an urgent finding)."""
        project = self._demo_project()
        Alert = self.env["property.storm.alert"]
        if not project or Alert.search_count([("project_ids", "in", project.ids)], limit=1):
            return
        now = fields.Datetime.now()
        past = [
            (
                "台风“摩羯” 八号风球 Typhoon Yagi, signal No. 8",
                "typhoon",
                "关好门窗，检查排水沟和水泵，沙袋到位，低洼设备做好防水。",
                relativedelta(months=3, days=2),
                timedelta(days=2),
            ),
            (
                "暴雪橙色预警 Blizzard orange warning",
                "snow",
                "清扫出入口和坡道积雪，铺防滑垫，包扎外露水管，提醒住户出行注意防滑。",
                relativedelta(months=10, days=5),
                timedelta(days=1),
            ),
            (
                "暴雨黄色预警 Rainstorm yellow warning",
                "rainstorm",
                "检查地下车库排水和应急照明，空置房关好窗户。",
                None,
                None,
            ),
        ]
        alerts = Alert.create(
            [
                {
                    "name": name,
                    "kind": kind,
                    "company_id": project.company_id.id,
                    "project_ids": [fields.Command.set(project.ids)],
                    "note": note,
                }
                for name, kind, note, _ago, _duration in past
            ]
        )
        alerts.action_raise()
        for alert, (_name, _kind, _note, ago, duration) in zip(alerts, past, strict=True):
            if not ago:
                continue
            alert.task_ids.sudo().write({"state": "done"})
            alert.action_lift()
            alert.sudo().write({"date_raised": now - ago, "date_lifted": now - ago + duration})
        rainstorm = alerts[-1]
        tasks = rainstorm.task_ids.sorted("id")
        tasks[: len(tasks) // 2].sudo().write({"state": "done"})
        pump_room = tasks.filtered(lambda t: t.code == "low_lying")[:1]
        pump_room.note = "水泵房进水约 5 厘米 Water 5 cm deep in the pump room"
        pump_room.action_report_hazard()
