from datetime import datetime, time, timedelta

from odoo import api, fields, models

from odoo.addons.property_butler.models.property_demo_generator import demo_step


class PropertyDemoGenerator(models.AbstractModel):
    _inherit = "property.demo.generator"

    @api.model
    @demo_step
    def _generate_demo_maintenance(self):
        """The demo project's equipment: a lift per building at its lobby, two water pumps, the
        fire panel of the control room, the main gate and the standby generator; a monthly or
        quarterly preventive plan for each; the fire panel checked on the night round, and one
        maintenance request from a patrol finding about it."""
        project = self._demo_project()
        Equipment = self.env["maintenance.equipment"]
        if not project or Equipment.search_count(
            [("property_project_id", "=", project.id)], limit=1
        ):
            return
        ref = self.env.ref
        team = ref("property_butler_maintenance.maintenance_team_engineering")
        staff = ref("property_butler.user_staff", raise_if_not_found=False)
        checkpoints = self.env["property.checkpoint"].search([("project_id", "=", project.id)])
        lobbies = {
            c.building_id: c for c in checkpoints if c.building_id and c.name.endswith("大堂")
        }
        control_room = checkpoints.filtered(lambda c: c.name == "监控中心")[:1]
        common = {
            "property_project_id": project.id,
            "company_id": project.company_id.id,
            "maintenance_team_id": team.id,
            "technician_user_id": staff.id if staff else False,
        }
        vals_list = [
            {
                **common,
                "name": f"{building.unit_code_prefix} {building.name} 电梯 Lift",
                "category_id": ref(
                    "property_butler_maintenance.maintenance_equipment_category_lift"
                ).id,
                "property_building_id": building.id,
                "property_checkpoint_id": lobbies.get(building, checkpoints.browse()).id,
                "model": "OTIS GeN2",
            }
            for building in project.building_ids.sorted("unit_code_prefix")
        ]
        pump = ref("property_butler_maintenance.maintenance_equipment_category_pump").id
        vals_list += [
            {**common, "name": "生活水泵 1# Domestic water pump 1", "category_id": pump},
            {**common, "name": "生活水泵 2# Domestic water pump 2", "category_id": pump},
            {
                **common,
                "name": "消防主机 Fire alarm panel",
                "category_id": ref(
                    "property_butler_maintenance.maintenance_equipment_category_fire"
                ).id,
                "property_checkpoint_id": control_room.id,
            },
            {
                **common,
                "name": "小区大门道闸 Main gate barrier",
                "category_id": ref(
                    "property_butler_maintenance.maintenance_equipment_category_gate"
                ).id,
            },
            {
                **common,
                "name": "备用发电机 Standby generator",
                "category_id": ref(
                    "property_butler_maintenance.maintenance_equipment_category_generator"
                ).id,
            },
        ]
        equipment = Equipment.create(vals_list)
        # Preventive plans: Maintenance's recurring preventive requests.
        today = fields.Date.context_today(self)
        self.env["maintenance.request"].create(
            [
                {
                    "name": f"{item.name}: 例行保养 Routine maintenance",
                    "equipment_id": item.id,
                    "company_id": item.company_id.id,
                    "maintenance_type": "preventive",
                    "recurring_maintenance": True,
                    "repeat_interval": 3 if item.category_id.id == pump else 1,
                    "repeat_unit": "month",
                    "repeat_type": "forever",
                    "schedule_date": datetime.combine(
                        today + timedelta(days=index + 1), time(1, 0)
                    ),
                    "duration": 2.0,
                    "user_id": staff.id if staff else False,
                }
                for index, item in enumerate(equipment)
            ]
        )
        # The fire panel is checked on the night round; a failed check raised a finding.
        fire_panel = equipment.filtered(lambda e: e.property_checkpoint_id == control_room)
        if control_room and fire_panel:
            self.env["property.checklist.item"].create(
                {
                    "checkpoint_id": control_room.id,
                    "name": "消防主机无报警、无故障",
                    "department_id": ref(
                        "property_butler_ticket.property_department_engineering"
                    ).id,
                    "equipment_id": fire_panel.id,
                }
            )
            self.env["property.ticket"].create(
                {
                    "ticket_type_id": ref("property_butler_ticket.property_ticket_type_finding").id,
                    "channel": "patrol",
                    "title": "监控中心: 消防主机故障灯亮",
                    "description": "<p>消防主机显示 3 号回路故障。</p>",
                    "project_id": project.id,
                    "company_id": project.company_id.id,
                    "department_id": ref(
                        "property_butler_ticket.property_department_engineering"
                    ).id,
                    "equipment_id": fire_panel.id,
                }
            )
