from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_storms(self):
        """Last winter's snowstorm (snow plan done, an icy ramp reported, lifted), last summer's
        typhoon (raised, checklist done, lifted) and today's rainstorm warning (raised, half the
        checklist done, water found in the pump room: an urgent finding)."""
        project = self._demo_project()
        Alert = self.env["property.storm.alert"]
        if not project or Alert.search_count([("project_ids", "in", project.ids)], limit=1):
            return
        now = fields.Datetime.now()
        typhoon = Alert.create(
            {
                "name": "台风“摩羯” 八号风球 Typhoon Yagi, signal No. 8",
                "kind": "typhoon",
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "note": "关好门窗，检查排水沟和水泵，沙袋到位，低洼设备做好防水。",
            }
        )
        typhoon.action_raise()
        typhoon.task_ids.sudo().write({"state": "done"})
        typhoon.action_lift()
        raised = now - relativedelta(months=3, days=2)
        typhoon.sudo().write({"date_raised": raised, "date_lifted": raised + timedelta(days=2)})
        snow = Alert.create(
            {
                "name": "暴雪橙色预警 Blizzard orange warning",
                "kind": "snow",
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "note": "清扫出入口和坡道积雪，铺防滑垫，包扎外露水管，提醒住户出行注意防滑。",
            }
        )
        snow.action_raise()
        ramp = snow.task_ids.filtered(lambda t: t.code == "snow_entrances")[:1]
        ramp.note = "地下车库坡道结冰，已拉警戒线 Car-park ramp iced over, cordoned off"
        ramp.action_report_hazard()
        snow.task_ids.sudo().write({"state": "done"})
        snow.action_lift()
        raised = now - relativedelta(months=10, days=5)
        snow.sudo().write({"date_raised": raised, "date_lifted": raised + timedelta(days=1)})
        rainstorm = Alert.create(
            {
                "name": "暴雨黄色预警 Rainstorm yellow warning",
                "kind": "rainstorm",
                "company_id": project.company_id.id,
                "project_ids": [fields.Command.set(project.ids)],
                "note": "检查地下车库排水和应急照明，空置房关好窗户。",
            }
        )
        rainstorm.action_raise()
        tasks = rainstorm.task_ids.sorted("id")
        tasks[: len(tasks) // 2].sudo().write({"state": "done"})
        pump_room = tasks.filtered(lambda t: t.code == "low_lying")[:1]
        pump_room.note = "水泵房进水约 5 厘米 Water 5 cm deep in the pump room"
        pump_room.action_report_hazard()
